package io.herald.sla;

import io.herald.domain.SlaCalendar;
import java.time.Duration;
import java.time.Instant;

/** Placeholder until the calendar arithmetic lands: round the clock only. */
public final class BusinessTime {

    private BusinessTime() {
    }

    public static Instant plus(SlaCalendar calendar, Instant start, Duration slaTime) {
        return start.plus(slaTime);
    }

    public static Duration between(SlaCalendar calendar, Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }
}
