package io.herald.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.recovery.StartupRecovery;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The delivery status checks of sent announcement pages wait in the queue, which in local mode is memory: a restart
 * loses them. Start-up recovery asks again about every page sent within the status window whose deliveries are not
 * all known. Here the first check is an hour away, so only recovery can learn the states within the test.
 */
@QuarkusTest
@TestProfile(PageStatusAfterRestartTest.FirstCheckAnHourAway.class)
class PageStatusAfterRestartTest {

    private static final int MEMBERS = 15;

    public static class FirstCheckAnHourAway implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.dispatch.status-poll-delay", "PT1H", "herald.dispatch.status-poll-window", "PT2H");
        }
    }

    @Inject
    StartupRecovery recovery;

    @Test
    void recoveryAsksAgainHowTheDeliveriesOfSentPagesWent() {
        String id = Herald.post(AnnouncementsTest.announcement("everyone")).then().statusCode(202).extract()
                .jsonPath().getString("announcements[0].id");
        AnnouncementsTest.awaitAllSent(id, MEMBERS);
        int unknown = states(id).getInt("sent");
        assertThat(unknown).as("members whose delivery is not known before the recovery").isPositive();

        recovery.recover();

        await().atMost(Duration.ofSeconds(20)).until(() -> states(id).getInt("delivered") == MEMBERS);
        assertThat(states(id).getInt("sent")).isZero();
    }

    private static JsonPath states(String id) {
        return AnnouncementsTest.listing(id).setRootPath("states");
    }
}
