package io.herald.wiring;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * The operator's intervals for schedules run in this process, {@code herald.schedules.every.<schedule>}
 * (environment {@code HERALD_SCHEDULES_EVERY_<SCHEDULE>}), which replace the {@code every} of functions.yaml: to
 * run the sla-sweep, and with it the announcement of due groups, more or less often than once a minute. They
 * apply wherever {@link LocalSchedules} runs the schedules (local mode and server deployments); in the cloud
 * EventBridge Scheduler runs them at functions.yaml's {@code expression}, which they do not change.
 */
final class ScheduleIntervals {

    static final String PREFIX = "herald.schedules.every.";

    private ScheduleIntervals() {
    }

    /**
     * The overrides set in {@code config}, by schedule name.
     *
     * @param declared the schedules functions.yaml declares
     * @throws IllegalStateException when one names no declared schedule or is not a positive interval (as
     *         {@code every}: {@code 1s}, {@code 5m}, {@code 1h}, or ISO-8601 such as {@code PT30S}); start-up stops
     *         rather than run a schedule at an interval nobody asked for
     */
    static Map<String, String> of(Config config, Set<String> declared) {
        Map<String, String> overrides = new TreeMap<>();
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(PREFIX)) {
                String schedule = property.substring(PREFIX.length());
                if (!declared.contains(schedule)) {
                    throw new IllegalStateException(property + " names no schedule of functions.yaml (it has "
                            + String.join(", ", new TreeSet<>(declared)) + ")");
                }
            }
        }
        for (String schedule : declared) {
            config.getOptionalValue(PREFIX + schedule, String.class)
                    .ifPresent(every -> overrides.put(schedule, checked(schedule, every.trim())));
        }
        return overrides;
    }

    private static String checked(String schedule, String every) {
        try {
            Duration interval = Duration.parse(every.toUpperCase().startsWith("P") ? every : "PT" + every);
            if (!interval.isNegative() && !interval.isZero()) {
                return every;
            }
        } catch (DateTimeParseException e) {
            // refused below, naming the setting
        }
        throw new IllegalStateException(PREFIX + schedule + " is not a positive interval such as 1s, 5m or 1h");
    }
}
