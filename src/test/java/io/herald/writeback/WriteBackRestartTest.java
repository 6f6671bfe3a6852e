package io.herald.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.domain.WriteBackStatus;
import io.herald.simulator.xconnector.WriteBackCall;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Write-backs a dead process left in the store are delivered after a restart, each exactly once, in order. */
@QuarkusTest
@TestProfile(WriteBackRestartTest.AfterACrash.class)
class WriteBackRestartTest {

    /** Starts Herald on a task store that already holds {@link LeftoverWriteBacks}. */
    public static class AfterACrash implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LeftoverWriteBacksResource.class));
        }
    }

    private final String run = LeftoverWriteBacksResource.RUN;

    @Inject
    WriteBackTesting testing;

    @Test
    void leftoverWriteBacksAreDeliveredOnceEachAfterStartUp() throws InterruptedException {
        List<String> leftovers = List.of(LeftoverWriteBacks.abandoned(run), LeftoverWriteBacks.waitingBehind(run),
                LeftoverWriteBacks.unsent(run));

        await().atMost(WriteBackTesting.PATIENCE).until(() -> leftovers.stream()
                .allMatch(id -> testing.stored(id).status() == WriteBackStatus.DELIVERED));
        Thread.sleep(500);

        for (String id : leftovers) {
            assertThat(testing.applied(id)).as(id).hasSize(1);
            assertThat(testing.calls(id)).as(id).extracting(WriteBackCall::status).containsExactly(200);
        }
        List<String> sharedOrder = testing.xconnector().writeBacks().stream()
                .filter(w -> LeftoverWriteBacks.sharedOrder(run).id().equals(w.body().get("entityId").asText()))
                .map(w -> w.header("Idempotency-Key")).toList();
        assertThat(sharedOrder).containsExactly(LeftoverWriteBacks.abandoned(run),
                LeftoverWriteBacks.waitingBehind(run));
    }
}
