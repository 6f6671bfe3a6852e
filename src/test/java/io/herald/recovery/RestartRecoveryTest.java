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

/** Work a dead process left in the store is finished after a restart, exactly once. */
@QuarkusTest
@TestProfile(RestartRecoveryTest.AfterACrash.class)
class RestartRecoveryTest {

    public static class AfterACrash implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LeftoverWork.class));
        }
    }

    @Test
    void restartDeliversPendingWorkExactlyOnce() {
        List<String> leftovers = List.of(LeftoverWork.UNROUTED, LeftoverWork.UNSENT, LeftoverWork.ABANDONED);

        // Delivered is the last state of a notification: its submission and the status check after it are done.
        await().atMost(Duration.ofSeconds(20)).until(() -> leftovers.stream().allMatch(id ->
                List.of("DELIVERED").equals(Herald.event(LeftoverWork.SOURCE, id).getList("notifications.status"))));

        for (String id : leftovers) {
            assertThat(Herald.submissionsFor(id)).as(id).hasSize(1);
        }
        assertThat(Herald.event(LeftoverWork.SOURCE, LeftoverWork.UNROUTED).getString("event.status"))
                .isEqualTo("ROUTED");
    }
}
