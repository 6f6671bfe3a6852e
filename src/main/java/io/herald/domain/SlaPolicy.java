package io.herald.domain;

import java.time.Duration;
import java.util.List;

/**
 * How long a task may stay unanswered and what happens as its deadline nears and passes. A task keeps a copy of
 * the policy version it started with, so editing a policy never changes tasks already running.
 *
 * @param target the time allowed, counted on the calendar; null when the deadline comes from the event
 * @param calendar business hours, or null for round the clock
 * @param template the message template of warnings, breaches and escalations
 */
public record SlaPolicy(String name, int version, Duration target, SlaCalendar calendar, List<SlaWarning> warnings,
        List<SlaTier> tiers, List<Channel> channels, String template) {

    public SlaPolicy {
        warnings = List.copyOf(warnings);
        tiers = List.copyOf(tiers);
        channels = List.copyOf(channels);
    }
}
