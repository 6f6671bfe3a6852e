package io.herald.domain;

import java.time.Instant;

/**
 * A recorded answer to a task.
 *
 * @param tokenId the action link used, or null for a programmatic answer
 * @param comment free text, or null
 */
public record Decision(String action, String actor, String comment, Instant at, String tokenId) {
}
