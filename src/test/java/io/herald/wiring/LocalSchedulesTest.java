package io.herald.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.schedule.ScheduledFunction;
import io.herald.wiring.FunctionsManifest.FunctionSpec;
import io.herald.wiring.FunctionsManifest.ScheduleSpec;
import io.herald.wiring.LocalSchedules.Job;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which jobs local mode derives from functions.yaml, and which functions.yaml it refuses to start with. */
class LocalSchedulesTest {

    private static final ScheduledFunction REPORTER = new ScheduledFunction() {

        @Override
        public String name() {
            return "reporter";
        }

        @Override
        public void run() {
        }
    };

    @Test
    void eachScheduledFunctionGetsAJobNamedAfterItsScheduleAtItsInterval() {
        FunctionsManifest manifest = manifest("nightly", Map.of("nightly", new ScheduleSpec("rate(1 day)", "24h")));

        assertThat(LocalSchedules.jobs(manifest, List.of(REPORTER)))
                .containsExactly(new Job("nightly", "24h", REPORTER));
    }

    @Test
    void functionsWithoutAScheduleGetNoJob() {
        FunctionsManifest manifest = new FunctionsManifest(Map.of("intake", function("intake", null)), null, null);

        assertThat(LocalSchedules.jobs(manifest, List.of(REPORTER))).isEmpty();
    }

    @Test
    void scheduledFunctionWithoutABeanStopsStartUpNamingIt() {
        FunctionsManifest manifest = manifest("nightly", Map.of("nightly", new ScheduleSpec("rate(1 day)", "24h")));

        assertThatThrownBy(() -> LocalSchedules.jobs(manifest, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("functions.yaml schedules 'reporter' but no scheduled function has that name");
    }

    @Test
    void scheduleWithoutAnIntervalStopsStartUpNamingIt() {
        FunctionsManifest manifest = manifest("nightly", Map.of("nightly", new ScheduleSpec("cron(0 3 * * ? *)", null)));

        assertThatThrownBy(() -> LocalSchedules.jobs(manifest, List.of(REPORTER)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schedule 'nightly' has no 'every'");
    }

    @Test
    void functionNamingAnUndeclaredScheduleStopsStartUpNamingIt() {
        FunctionsManifest manifest = manifest("hourly", Map.of("nightly", new ScheduleSpec("rate(1 day)", "24h")));

        assertThatThrownBy(() -> LocalSchedules.jobs(manifest, List.of(REPORTER)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("function 'reporter' is triggered by schedule 'hourly', which schedules does not declare");
    }

    private static FunctionsManifest manifest(String schedule, Map<String, ScheduleSpec> schedules) {
        return new FunctionsManifest(Map.of("reporter", function("reporter", schedule)), null, schedules);
    }

    private static FunctionSpec function(String handler, String schedule) {
        return new FunctionSpec("A function.", handler, 10, 256, null, null, schedule, null, null, null);
    }
}
