package io.herald.sla;

import io.herald.domain.SlaPolicy;
import io.herald.events.EventPath;

/**
 * One policy of the SLA file: the {@link SlaPolicy} a task pins when it starts, plus what is read from events.
 *
 * @param policy the policy as tasks copy it; its {@code target} is null exactly when {@code due} is set
 * @param due where the raising event holds the deadline (an RFC 3339 time), or null when the policy has a target
 * @param clock the events that pause, resume or stop its clocks, or null when only answers stop them
 */
public record SlaPolicyConfig(SlaPolicy policy, EventPath due, ClockEvents clock) {

    public String name() {
        return policy.name();
    }
}
