package io.herald.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.herald.schedule.ScheduledFunction;
import io.herald.wiring.FunctionsManifest.FunctionSpec;
import io.herald.wiring.FunctionsManifest.ScheduleSpec;
import io.herald.wiring.LocalSchedules.Job;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * Which jobs local mode derives from functions.yaml and the operator's intervals, and which of either it refuses to
 * start with.
 */
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

        assertThat(LocalSchedules.jobs(manifest, List.of(REPORTER), Map.of()))
                .containsExactly(new Job("nightly", "24h", REPORTER));
    }

    @Test
    void functionsWithoutAScheduleGetNoJob() {
        FunctionsManifest manifest = new FunctionsManifest(Map.of("intake", function("intake", null)), null, null);

        assertThat(LocalSchedules.jobs(manifest, List.of(REPORTER), Map.of())).isEmpty();
    }

    @Test
    void scheduledFunctionWithoutABeanStopsStartUpNamingIt() {
        FunctionsManifest manifest = manifest("nightly", Map.of("nightly", new ScheduleSpec("rate(1 day)", "24h")));

        assertThatThrownBy(() -> LocalSchedules.jobs(manifest, List.of(), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("functions.yaml schedules 'reporter' but no scheduled function has that name");
    }

    @Test
    void scheduleWithoutAnIntervalStopsStartUpNamingIt() {
        FunctionsManifest manifest = manifest("nightly", Map.of("nightly", new ScheduleSpec("cron(0 3 * * ? *)", null)));

        assertThatThrownBy(() -> LocalSchedules.jobs(manifest, List.of(REPORTER), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schedule 'nightly' has no 'every'");
    }

    @Test
    void functionNamingAnUndeclaredScheduleStopsStartUpNamingIt() {
        FunctionsManifest manifest = manifest("hourly", Map.of("nightly", new ScheduleSpec("rate(1 day)", "24h")));

        assertThatThrownBy(() -> LocalSchedules.jobs(manifest, List.of(REPORTER), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("function 'reporter' is triggered by schedule 'hourly', which schedules does not declare");
    }

    @Test
    void anOperatorIntervalReplacesTheEveryOfItsSchedule() {
        FunctionsManifest manifest = manifest("nightly", Map.of("nightly", new ScheduleSpec("rate(1 day)", "24h")));

        assertThat(LocalSchedules.jobs(manifest, List.of(REPORTER), Map.of("nightly", "1s")))
                .containsExactly(new Job("nightly", "1s", REPORTER));
    }

    @Test
    void operatorIntervalsAreReadByScheduleName() {
        Config config = config(Map.of("herald.schedules.every.sla-sweep", "1s", "herald.other", "x"));

        assertThat(ScheduleIntervals.of(config, Set.of("sla-sweep", "nightly")))
                .containsExactly(entry("sla-sweep", "1s"));
    }

    @Test
    void anIsoIntervalIsTakenAsItIs() {
        Config config = config(Map.of("herald.schedules.every.nightly", "PT12H"));

        assertThat(ScheduleIntervals.of(config, Set.of("nightly"))).containsExactly(entry("nightly", "PT12H"));
    }

    @Test
    void anOperatorIntervalNamingNoScheduleStopsStartUpNamingIt() {
        Config config = config(Map.of("herald.schedules.every.sla-swep", "1s"));

        assertThatThrownBy(() -> ScheduleIntervals.of(config, Set.of("sla-sweep")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("herald.schedules.every.sla-swep names no schedule of functions.yaml (it has sla-sweep)");
    }

    @Test
    void anOperatorIntervalThatIsNoPositiveIntervalStopsStartUpNamingIt() {
        for (String every : List.of("soon", "0s", "-5s", "5 minutes")) {
            Config config = config(Map.of("herald.schedules.every.sla-sweep", every));

            assertThatThrownBy(() -> ScheduleIntervals.of(config, Set.of("sla-sweep")))
                    .as(every)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("herald.schedules.every.sla-sweep is not a positive interval such as 1s, 5m or 1h");
        }
    }

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withDefaultValues(properties).build();
    }

    private static FunctionsManifest manifest(String schedule, Map<String, ScheduleSpec> schedules) {
        return new FunctionsManifest(Map.of("reporter", function("reporter", schedule)), null, schedules);
    }

    private static FunctionSpec function(String handler, String schedule) {
        return new FunctionSpec("A function.", handler, 10, 256, null, null, schedule, null, null, null);
    }
}
