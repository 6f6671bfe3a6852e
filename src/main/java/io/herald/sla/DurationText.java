package io.herald.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in the SLA file: days, hours, minutes and seconds in that order ({@code 90s}, {@code 30m},
 * {@code 4h}, {@code 2d}, {@code 1h30m}), or ISO-8601 ({@code PT4H}, {@code P2D}). A day is 24 hours.
 */
public final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private DurationText() {
    }

    /** @throws IllegalArgumentException with the reason, if {@code text} is not a duration */
    public static Duration parse(String text) {
        Matcher shortForm = SHORT.matcher(text);
        if (!text.isEmpty() && shortForm.matches()) {
            try {
                return Duration.ofDays(number(shortForm.group(1)))
                        .plusHours(number(shortForm.group(2)))
                        .plusMinutes(number(shortForm.group(3)))
                        .plusSeconds(number(shortForm.group(4)));
            } catch (ArithmeticException | NumberFormatException e) {
                throw invalid(text);
            }
        }
        if (text.startsWith("P") || text.startsWith("-P")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        throw invalid(text);
    }

    /** The short form, e.g. {@code 1d2h30m}, or {@code 0m}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0m";
        }
        StringBuilder text = new StringBuilder(duration.isNegative() ? "-" : "");
        Duration rest = duration.abs();
        append(text, rest.toDays(), "d");
        append(text, rest.toHoursPart(), "h");
        append(text, rest.toMinutesPart(), "m");
        append(text, rest.toSecondsPart(), "s");
        if (rest.toNanosPart() > 0) {
            return duration.toString();
        }
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration (use e.g. 90s, 30m, 4h, 2d, 1h30m"
                + " or ISO-8601 PT4H)");
    }
}
