package io.herald.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.domain.SlaCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SLA time counts only in business hours, on working days, and follows daylight-saving changes. */
class BusinessTimeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    private static final SlaCalendar SERVICE_DESK = new SlaCalendar("service-desk", "Europe/Berlin", WEEKDAYS,
            LocalTime.of(8, 0), LocalTime.of(18, 0), List.of(LocalDate.parse("2026-12-24"),
                    LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26"), LocalDate.parse("2027-01-01")));

    /** Every day of the week, 01:00 to 04:00: the hours in which Europe and North America change their clocks. */
    private static SlaCalendar nightShift(String zone) {
        return new SlaCalendar("night", zone, List.copyOf(EnumSet.allOf(DayOfWeek.class)), LocalTime.of(1, 0),
                LocalTime.of(4, 0), List.of());
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    private static Instant plus(Instant start, String duration) {
        return BusinessTime.plus(SERVICE_DESK, start, Duration.parse(duration));
    }

    @Test
    void withoutACalendarTimeCountsRoundTheClock() {
        Instant saturdayNight = berlin("2026-06-06T23:00");

        assertThat(BusinessTime.plus(null, saturdayNight, Duration.ofHours(4))).isEqualTo(berlin("2026-06-07T03:00"));
        assertThat(BusinessTime.between(null, saturdayNight, berlin("2026-06-08T01:30")))
                .isEqualTo(Duration.ofHours(26).plusMinutes(30));
    }

    @Test
    void timeLeftOnFridayCarriesOverTheWeekendToMonday() {
        assertThat(plus(berlin("2026-06-05T16:00"), "PT4H")).isEqualTo(berlin("2026-06-08T10:00"));
        assertThat(BusinessTime.between(SERVICE_DESK, berlin("2026-06-05T16:00"), berlin("2026-06-08T10:00")))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void holidaysCountNoTime() {
        // Wednesday before Christmas: one hour left; Thursday 24th and Friday 25th are holidays, then the weekend.
        assertThat(plus(berlin("2026-12-23T17:00"), "PT4H")).isEqualTo(berlin("2026-12-28T11:00"));
        // New Year's Day is a Friday holiday.
        assertThat(plus(berlin("2026-12-31T17:00"), "PT2H")).isEqualTo(berlin("2027-01-04T09:00"));
    }

    @Test
    void startBeforeOpeningCountsFromOpening() {
        assertThat(plus(berlin("2026-06-08T06:30"), "PT1H")).isEqualTo(berlin("2026-06-08T09:00"));
    }

    @Test
    void startAfterClosingCountsFromTheNextOpening() {
        assertThat(plus(berlin("2026-06-08T19:00"), "PT1H")).isEqualTo(berlin("2026-06-09T09:00"));
        assertThat(plus(berlin("2026-06-06T10:00"), "PT1H")).as("Saturday").isEqualTo(berlin("2026-06-08T09:00"));
    }

    @Test
    void durationEndingExactlyAtClosingReturnsTheClosingInstant() {
        assertThat(plus(berlin("2026-06-08T16:00"), "PT2H")).isEqualTo(berlin("2026-06-08T18:00"));
        assertThat(plus(berlin("2026-06-08T08:00"), "PT10H")).isEqualTo(berlin("2026-06-08T18:00"));
    }

    @Test
    void zeroDurationIsTheStartItselfEvenOutsideHours() {
        Instant saturday = berlin("2026-06-06T10:00");

        assertThat(BusinessTime.plus(SERVICE_DESK, saturday, Duration.ZERO)).isEqualTo(saturday);
    }

    @Test
    void springForwardDayHasOneHourLessBetweenOneAndFour() {
        // Europe/Berlin: 02:00 becomes 03:00 on Sunday 29 March 2026.
        SlaCalendar berlinNights = nightShift("Europe/Berlin");
        Instant opens = berlin("2026-03-29T01:00");

        assertThat(BusinessTime.between(berlinNights, opens, berlin("2026-03-29T12:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(BusinessTime.plus(berlinNights, opens, Duration.ofHours(2))).isEqualTo(berlin("2026-03-29T04:00"));
        assertThat(BusinessTime.plus(berlinNights, opens, Duration.ofHours(3))).isEqualTo(berlin("2026-03-30T02:00"));

        // America/New_York: 02:00 becomes 03:00 on Sunday 8 March 2026.
        SlaCalendar newYorkNights = nightShift("America/New_York");
        assertThat(BusinessTime.between(newYorkNights, newYork("2026-03-08T00:00"), newYork("2026-03-08T12:00")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void fallBackDayHasOneHourMoreBetweenOneAndFour() {
        // Europe/Berlin: 03:00 becomes 02:00 on Sunday 25 October 2026.
        SlaCalendar berlinNights = nightShift("Europe/Berlin");
        Instant opens = berlin("2026-10-25T01:00");

        assertThat(BusinessTime.between(berlinNights, opens, berlin("2026-10-25T12:00")))
                .isEqualTo(Duration.ofHours(4));
        assertThat(BusinessTime.plus(berlinNights, opens, Duration.ofHours(4))).isEqualTo(berlin("2026-10-25T04:00"));
        assertThat(BusinessTime.plus(berlinNights, opens, Duration.ofHours(3)))
                .as("03:00 CET, the second 03:00 of the night").isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));

        // America/New_York: 02:00 becomes 01:00 on Sunday 1 November 2026.
        SlaCalendar newYorkNights = nightShift("America/New_York");
        assertThat(BusinessTime.between(newYorkNights, newYork("2026-11-01T00:00"), newYork("2026-11-01T12:00")))
                .isEqualTo(Duration.ofHours(4));
        assertThat(BusinessTime.plus(newYorkNights, newYork("2026-11-01T00:00"), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-11-01T09:00:00Z"));
    }

    @Test
    void officeHoursKeepTheirLocalTimesAcrossAClockChange() {
        // Friday in winter time, Monday in summer time: still ten hours a day, 08:00 to 18:00 local.
        assertThat(plus(berlin("2026-03-27T16:00"), "PT4H")).isEqualTo(berlin("2026-03-30T10:00"));
        assertThat(BusinessTime.between(SERVICE_DESK, berlin("2026-03-27T00:00"), berlin("2026-03-31T00:00")))
                .isEqualTo(Duration.ofHours(20));
    }

    @Test
    void multiWeekDurationsSkipEveryWeekendAndHoliday() {
        // Ten working days of ten hours: two full weeks, ending exactly at Friday's closing.
        assertThat(plus(berlin("2026-06-08T08:00"), "PT100H")).isEqualTo(berlin("2026-06-19T18:00"));
        assertThat(BusinessTime.between(SERVICE_DESK, berlin("2026-06-08T08:00"), berlin("2026-06-22T08:00")))
                .isEqualTo(Duration.ofHours(100));
        // 21 Dec 2026 to 4 Jan 2027: seven working days between the holidays.
        assertThat(BusinessTime.between(SERVICE_DESK, berlin("2026-12-21T00:00"), berlin("2027-01-04T00:00")))
                .isEqualTo(Duration.ofHours(70));
        assertThat(plus(berlin("2026-12-21T08:00"), "PT70H")).isEqualTo(berlin("2026-12-31T18:00"));
    }

    @Test
    void betweenMeasuresExactlyWhatPlusAdded() {
        List<Duration> durations = List.of(Duration.ZERO, Duration.ofMinutes(30), Duration.ofHours(4),
                Duration.ofHours(10), Duration.ofHours(17).plusMinutes(13), Duration.ofDays(3));
        List<SlaCalendar> calendars = List.of(SERVICE_DESK, nightShift("Europe/Berlin"),
                nightShift("America/New_York"));
        // Starts every 97 minutes over three weeks around the spring change, and over the Christmas holidays.
        for (SlaCalendar calendar : calendars) {
            for (Instant first : List.of(berlin("2026-03-20T00:00"), berlin("2026-12-18T00:00"))) {
                for (Instant start = first; start.isBefore(first.plus(Duration.ofDays(21)));
                        start = start.plus(Duration.ofMinutes(97))) {
                    for (Duration duration : durations) {
                        Instant end = BusinessTime.plus(calendar, start, duration);
                        assertThat(BusinessTime.between(calendar, start, end))
                                .as("%s from %s plus %s", calendar.name(), start, duration).isEqualTo(duration);
                        assertThat(end).isAfterOrEqualTo(start);
                    }
                }
            }
        }
    }

    @Test
    void plusOfTheTimeBetweenNeverOvershoots() {
        Instant from = berlin("2026-06-05T12:34");
        for (Instant to = from; to.isBefore(from.plus(Duration.ofDays(9))); to = to.plus(Duration.ofMinutes(53))) {
            Instant back = BusinessTime.plus(SERVICE_DESK, from, BusinessTime.between(SERVICE_DESK, from, to));
            assertThat(back).as("to %s", to).isBeforeOrEqualTo(to);
            assertThat(BusinessTime.between(SERVICE_DESK, back, to)).isZero();
        }
    }

    @Test
    void betweenIsZeroWhenTheEndIsNotAfterTheStart() {
        Instant monday = berlin("2026-06-08T10:00");

        assertThat(BusinessTime.between(SERVICE_DESK, monday, monday)).isZero();
        assertThat(BusinessTime.between(SERVICE_DESK, monday, monday.minusSeconds(3600))).isZero();
        assertThat(BusinessTime.between(null, monday, monday.minusSeconds(3600))).isZero();
    }

    @Test
    void negativeDurationIsRefused() {
        assertThatThrownBy(() -> plus(berlin("2026-06-08T10:00"), "-PT1H"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void calendarWithoutWorkingTimeIsRefusedInsteadOfLoopingForever() {
        SlaCalendar never = new SlaCalendar("never", "Europe/Berlin", List.of(), LocalTime.of(8, 0),
                LocalTime.of(18, 0), List.of());

        assertThatThrownBy(() -> BusinessTime.plus(never, berlin("2026-06-08T10:00"), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'never'");
    }
}
