package io.herald.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Business hours: SLA time runs only on working days, between {@code opens} and {@code closes} local time in
 * {@code timeZone}, and never on holidays. A policy without a calendar runs round the clock.
 *
 * @param timeZone an IANA zone id; opening hours follow its daylight-saving changes
 */
public record SlaCalendar(String name, String timeZone, List<DayOfWeek> workingDays, LocalTime opens,
        LocalTime closes, List<LocalDate> holidays) {

    public SlaCalendar {
        workingDays = List.copyOf(workingDays);
        holidays = List.copyOf(holidays);
    }
}
