package io.herald.routing;

/**
 * An event that withdraws an announcement of a rule: the one its source published with the same key.
 *
 * @param key the announcement's id within the event's source
 */
public record PlannedWithdrawal(String rule, String key) {
}
