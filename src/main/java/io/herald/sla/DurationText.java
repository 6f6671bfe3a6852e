package io.herald.sla;

import java.time.Duration;

/** Durations as people read them in messages and labels: {@code 2d4h}, {@code 1h30m}, {@code 45m}, {@code 0m}. */
public final class DurationText {

    private DurationText() {
    }

    public static String text(Duration duration) {
        Duration d = duration.isNegative() ? duration.negated() : duration;
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append('d');
        }
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0 || text.isEmpty()) {
            text.append(minutes).append('m');
        }
        return text.toString();
    }
}
