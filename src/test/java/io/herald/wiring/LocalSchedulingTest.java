package io.herald.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.wiring.FunctionsManifest.ScheduleSpec;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With local schedules on (as outside tests and Lambda), functions.yaml's schedules run on the Quarkus scheduler. */
@QuarkusTest
@TestProfile(LocalSchedulingTest.SchedulesOn.class)
class LocalSchedulingTest {

    public static class SchedulesOn implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(LocalSchedules.ENABLED, "true");
        }
    }

    @Inject
    Scheduler scheduler;

    @Inject
    FunctionsManifest manifest;

    @Inject
    ScheduledRuns runs;

    @Test
    void slaSweepRunsFromStartUpOnAtTheIntervalFunctionsYamlGives() {
        ScheduleSpec schedule = manifest.schedules().get("sla-sweep");
        Trigger job = scheduler.getScheduledJob("sla-sweep");
        assertThat(job).as("job of schedule sla-sweep").isNotNull();

        // an interval job first runs right after start-up, then every interval after that run
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.ranToCompletion("sla-sweep"));
        assertThat(Duration.between(job.getPreviousFireTime(), job.getNextFireTime()))
                .isEqualTo(Duration.parse("PT" + schedule.every()));
    }
}
