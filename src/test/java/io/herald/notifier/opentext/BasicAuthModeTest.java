package io.herald.notifier.opentext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.domain.Channel;
import io.herald.domain.Priority;
import io.herald.notifier.Notifier;
import io.herald.notifier.OutboundMessage;
import io.herald.notifier.SendFailure;
import io.herald.simulator.opentext.OpenTextSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code herald.opentext.auth=basic}: client credentials on every call, no token endpoint. */
@QuarkusTest
@TestProfile(BasicAuthModeTest.BasicAuth.class)
class BasicAuthModeTest {

    public static class BasicAuth implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.opentext.auth", "basic");
        }
    }

    @Inject
    Notifier notifier;

    @Inject
    OpenTextSimulator simulator;

    @BeforeEach
    @AfterEach
    void resetSimulator() {
        simulator.reset();
    }

    private static OutboundMessage email(String submitId) {
        return new OutboundMessage(submitId, "ref-" + submitId, Channel.EMAIL, "ada@example.com", "Hello",
                "<p>Hello</p>", "Hello", Priority.NORMAL, "evt-1");
    }

    @Test
    void messagesGoOutWithBasicCredentialsAndNoToken() throws Exception {
        int issuedBefore = simulator.tokensIssued();

        notifier.submit(email("sub-basic"));

        assertThat(simulator.submissionsTo("ada@example.com")).hasSize(1);
        assertThat(simulator.tokensIssued()).isEqualTo(issuedBefore);
    }

    @Test
    void unauthorizedIsPermanentAndNotAskedAgain() {
        simulator.faults().failNext(2, 401);

        SendFailure failure = catchThrowableOfType(SendFailure.class, () -> notifier.submit(email("sub-401")));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.status()).isEqualTo(401);
        assertThat(simulator.faults().current().failNext()).as("calls left unanswered").isEqualTo(1);
    }
}
