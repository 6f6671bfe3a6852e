package io.herald.domain;

import java.time.Instant;

/**
 * One call to xConnector telling a connected system what happened to one of its records: a decision on a task
 * (kind {@code response}) or an escalation state. Its id is the {@code Idempotency-Key} xConnector sees on every
 * attempt. Write-backs of one entity are delivered in {@code createdAt} order.
 *
 * @param kind {@code response}, or an escalation state such as {@code warning}, {@code breach}, {@code escalation}
 * @param action the decision's action, or the escalation detail
 * @param nextAttemptAt for PENDING the earliest next attempt; for SENDING the end of the lease
 * @param version optimistic-concurrency counter
 */
public record WriteBack(
        String id,
        String taskId,
        String eventSource,
        String eventId,
        EntityRef entity,
        String kind,
        String action,
        String actor,
        String comment,
        Instant occurredAt,
        WriteBackStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public WriteBack with(WriteBackStatus newStatus, int newAttempts, Instant next, String error, Instant now) {
        return new WriteBack(id, taskId, eventSource, eventId, entity, kind, action, actor, comment, occurredAt,
                newStatus, newAttempts, next, error, createdAt, now, version);
    }
}
