package io.herald.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.support.Herald;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
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

    @Inject
    StoredWorkWaker storedWork;

    @Inject
    MeterRegistry metrics;

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

    @Test
    void sweepGoesOnAroundRowsThatCannotBeRead() {
        await().atMost(Duration.ofSeconds(20)).until(() -> Herald.submissionsFor(PoisonedLeftovers.GOOD).size() == 1);
        double eventsLeftOut = unreadable("eventsAwaitingRouting");
        double notificationsLeftOut = unreadable("dueNotifications");
        Instant now = Instant.now();

        StoredWorkWaker.Woken woken = storedWork.wake(now.plus(Duration.ofDays(1)), now, 100, "sweep");

        assertThat(woken.events()).as("the poisoned event, read and tried again").isEqualTo(1);
        assertThat(unreadable("eventsAwaitingRouting")).isEqualTo(eventsLeftOut + 1);
        assertThat(unreadable("dueNotifications")).isEqualTo(notificationsLeftOut + 1);
        assertThat(Herald.submissionsFor(PoisonedLeftovers.GOOD)).hasSize(1);
        assertThat(Herald.submissionsFor(PoisonedLeftovers.SPOILED)).isEmpty();
    }

    private double unreadable(String operation) {
        return metrics.counter("herald.store.unreadable.rows", "operation", operation).count();
    }
}
