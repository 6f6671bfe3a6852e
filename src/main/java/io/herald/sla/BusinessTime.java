package io.herald.sla;

import io.herald.domain.SlaCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

/**
 * SLA time on a calendar: time counts only on working days that are not holidays, from {@code opens} to
 * {@code closes} local time in the calendar's zone. Without a calendar (null) time counts round the clock.
 *
 * <p>Each day's opening and closing are placed with that day's own offset, so a day on which the clocks change
 * has an hour more or less of business time when its hours span the change. An opening or closing time that falls
 * into the gap of a spring-forward day moves forward by the length of the gap; one in the overlap of a fall-back
 * day means the earlier of the two instants.
 *
 * <p>Pure functions: no clock, no state.
 */
public final class BusinessTime {

    /**
     * How many calendar days one call may look at: well over a century, so only a calendar without working time
     * (which the policy file refuses) or an absurd duration reaches it.
     */
    static final int MAX_DAYS = 50_000;

    private BusinessTime() {
    }

    /**
     * The instant at which {@code slaTime} of SLA time has passed since {@code start}.
     *
     * <p>Callers may rely on: a zero duration returns {@code start} unchanged, even outside business hours; a start
     * outside business hours counts from the next opening; a duration that ends exactly at a closing returns that
     * closing instant, not the next opening; {@code between(calendar, start, plus(calendar, start, d))} equals
     * {@code d}.
     *
     * @param calendar business hours, or null for round the clock
     * @throws IllegalArgumentException if {@code slaTime} is negative, or the calendar does not hold that much
     *         SLA time within {@value #MAX_DAYS} days of {@code start}
     */
    public static Instant plus(SlaCalendar calendar, Instant start, Duration slaTime) {
        if (slaTime.isNegative()) {
            throw new IllegalArgumentException("SLA time must not be negative: " + slaTime);
        }
        if (calendar == null || slaTime.isZero()) {
            return start.plus(slaTime);
        }
        Hours hours = new Hours(calendar);
        Duration remaining = slaTime;
        // One day back: a day's hours never reach into the next local date, but starting early costs nothing.
        LocalDate day = hours.date(start).minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!hours.working(day)) {
                continue;
            }
            Instant opens = later(hours.opens(day), start);
            Instant closes = hours.closes(day);
            if (!opens.isBefore(closes)) {
                continue;
            }
            Duration open = Duration.between(opens, closes);
            if (remaining.compareTo(open) <= 0) {
                return opens.plus(remaining);
            }
            remaining = remaining.minus(open);
        }
        throw new IllegalArgumentException("calendar '" + calendar.name() + "' does not hold " + slaTime
                + " of SLA time within " + MAX_DAYS + " days of " + start);
    }

    /**
     * The SLA time in {@code [from, to)}; zero when {@code to} is not after {@code from}.
     *
     * @param calendar business hours, or null for round the clock
     * @throws IllegalArgumentException if the two instants are more than {@value #MAX_DAYS} days apart on a
     *         calendar
     */
    public static Duration between(SlaCalendar calendar, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (calendar == null) {
            return Duration.between(from, to);
        }
        Hours hours = new Hours(calendar);
        LocalDate first = hours.date(from).minusDays(1);
        LocalDate last = hours.date(to).plusDays(1);
        if (first.until(last, java.time.temporal.ChronoUnit.DAYS) > MAX_DAYS) {
            throw new IllegalArgumentException("more than " + MAX_DAYS + " days between " + from + " and " + to);
        }
        Duration total = Duration.ZERO;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!hours.working(day)) {
                continue;
            }
            Instant opens = later(hours.opens(day), from);
            Instant closes = earlier(hours.closes(day), to);
            if (opens.isBefore(closes)) {
                total = total.plus(Duration.between(opens, closes));
            }
        }
        return total;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** One calendar's hours placed on the time line, with its holidays in a set for the day-by-day walk. */
    private static final class Hours {

        private final SlaCalendar calendar;
        private final ZoneId zone;
        private final Set<LocalDate> holidays;

        Hours(SlaCalendar calendar) {
            this.calendar = calendar;
            this.zone = ZoneId.of(calendar.timeZone());
            this.holidays = new HashSet<>(calendar.holidays());
        }

        LocalDate date(Instant instant) {
            return instant.atZone(zone).toLocalDate();
        }

        boolean working(LocalDate day) {
            return calendar.workingDays().contains(day.getDayOfWeek()) && !holidays.contains(day);
        }

        Instant opens(LocalDate day) {
            return ZonedDateTime.of(day, calendar.opens(), zone).toInstant();
        }

        Instant closes(LocalDate day) {
            return ZonedDateTime.of(day, calendar.closes(), zone).toInstant();
        }
    }
}
