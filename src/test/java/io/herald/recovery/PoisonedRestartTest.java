package io.herald.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stored data that cannot be handled does not stop start-up, and the work around it goes on. */
@QuarkusTest
@TestProfile(PoisonedRestartTest.WithAPoisonedStore.class)
class PoisonedRestartTest {

    public static class WithAPoisonedStore implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PoisonedLeftovers.class));
        }
    }

    @Test
    void startUpRoutesTheOtherEventsAndCountsTheOneThatFails() {
        await().atMost(Duration.ofSeconds(20)).until(() -> Herald.submissionsFor(PoisonedLeftovers.GOOD).size() == 1);

        assertThat(Herald.event(PoisonedLeftovers.SOURCE, PoisonedLeftovers.GOOD).getString("event.status"))
                .isEqualTo("ROUTED");
        assertThat(Herald.event("/xconnector/erp/s4-purchasing", PoisonedLeftovers.POISON).getString("event.status"))
                .isEqualTo("RECEIVED");
        assertThat(Herald.http().get("/q/metrics").then().statusCode(200).extract().asString().lines())
                .anyMatch(line -> line.startsWith("herald_work_failures_total{loop=\"startup-recovery\"")
                        && !line.endsWith(" 0.0"));
    }
}
