package io.herald.sla;

import io.herald.domain.EntityRef;

/**
 * A clock change an incoming event asks for: the clocks of {@code policy} on tasks about {@code entity} should
 * take {@code action}. Whether such tasks exist, and whether the change applies to their current state, is for
 * the caller to decide.
 *
 * @param policy the SLA policy name
 */
public record ClockCommand(String policy, ClockAction action, EntityRef entity) {
}
