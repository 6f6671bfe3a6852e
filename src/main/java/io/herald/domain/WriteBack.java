package io.herald.domain;

import java.time.Instant;

/**
 * One call to xConnector telling a connected system what happened to one of its records: a decision on a task
 * (kind {@code response}) or an escalation state. Its id is the {@code Idempotency-Key} xConnector sees on every
 * attempt. Write-backs of one entity are delivered in {@code createdAt} order.
 *
 * @param kind {@code response}, or an escalation state such as {@code warning}, {@code breach}, {@code escalation}
 * @param action the decision's action, or the escalation detail
 * @param nextAttemptAt for PENDING the earliest next attempt; for SENDING the end of the lease; for DEAD the time
 *        from which its owed alert is due
 * @param version optimistic-concurrency counter
 * @param alertOwed for a DEAD write-back whose integration-failure alert is not raised yet: that alert's error
 *        code, written in the same update as the dead state (see {@link Notification#alertOwed}); null otherwise
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
        long version,
        String alertOwed) implements Deliverable<WriteBack> {

    /** A write-back that owes no alert. */
    public WriteBack(String id, String taskId, String eventSource, String eventId, EntityRef entity, String kind,
            String action, String actor, String comment, Instant occurredAt, WriteBackStatus status, int attempts,
            Instant nextAttemptAt, String lastError, Instant createdAt, Instant updatedAt, long version) {
        this(id, taskId, eventSource, eventId, entity, kind, action, actor, comment, occurredAt, status, attempts,
                nextAttemptAt, lastError, createdAt, updatedAt, version, null);
    }

    @Override
    public boolean waiting() {
        return status == WriteBackStatus.PENDING;
    }

    @Override
    public boolean leased() {
        return status == WriteBackStatus.SENDING;
    }

    @Override
    public WriteBack claimed(Instant leaseUntil, Instant now) {
        return with(WriteBackStatus.SENDING, attempts + 1, leaseUntil, lastError, now);
    }

    @Override
    public WriteBack retryAt(Instant next, String error, Instant now) {
        return with(WriteBackStatus.PENDING, attempts, next, error, now);
    }

    /** xConnector applied it (or had applied it before). */
    public WriteBack delivered(Instant now) {
        return with(WriteBackStatus.DELIVERED, attempts, null, lastError, now);
    }

    public WriteBack with(WriteBackStatus newStatus, int newAttempts, Instant next, String error, Instant now) {
        return new WriteBack(id, taskId, eventSource, eventId, entity, kind, action, actor, comment, occurredAt,
                newStatus, newAttempts, next, error, createdAt, now, version);
    }

    @Override
    public WriteBack dead(String errorCode, String error, Instant now) {
        return new WriteBack(id, taskId, eventSource, eventId, entity, kind, action, actor, comment, occurredAt,
                WriteBackStatus.DEAD, attempts, now, error, createdAt, now, version, Notification.alertCode(errorCode));
    }

    /** The owed alert was raised. */
    public WriteBack alerted(Instant now) {
        return new WriteBack(id, taskId, eventSource, eventId, entity, kind, action, actor, comment, occurredAt,
                status, attempts, null, lastError, createdAt, now, version, null);
    }

    @Override
    public boolean owesAlert() {
        return status == WriteBackStatus.DEAD && alertOwed != null;
    }
}
