package io.herald.domain;

import java.time.Instant;

/**
 * One message to one recipient on one channel. Its {@code id} is derived from (event, recipient, channel),
 * so storing the same notification twice is a no-op and the id doubles as the provider idempotency key.
 *
 * @param recipient directory user id (or group id for in-app group pushes)
 * @param address where the channel reaches the recipient: e-mail address, phone number or in-app user id
 * @param version optimistic-concurrency counter; every update must name the version it read
 */
public record Notification(
        String id,
        String eventSource,
        String eventId,
        NotificationKind kind,
        String rule,
        String template,
        String recipient,
        Channel channel,
        String address,
        String locale,
        String timeZone,
        Priority priority,
        NotificationStatus status,
        int attempts,
        Instant nextAttemptAt,
        String jobId,
        String deliveryState,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public EventKey eventKey() {
        return new EventKey(eventSource, eventId);
    }

    public Notification withStatus(NotificationStatus newStatus, Instant now) {
        return new Notification(id, eventSource, eventId, kind, rule, template, recipient, channel, address, locale,
                timeZone, priority, newStatus, attempts, nextAttemptAt, jobId, deliveryState, lastError, createdAt, now,
                version);
    }

    public Notification claimed(Instant leaseUntil, Instant now) {
        return new Notification(id, eventSource, eventId, kind, rule, template, recipient, channel, address, locale,
                timeZone, priority, NotificationStatus.SENDING, attempts + 1, leaseUntil, jobId, deliveryState,
                lastError, createdAt, now, version);
    }

    public Notification retryAt(Instant next, String error, Instant now) {
        return new Notification(id, eventSource, eventId, kind, rule, template, recipient, channel, address, locale,
                timeZone, priority, NotificationStatus.PENDING, attempts, next, jobId, deliveryState, error, createdAt,
                now, version);
    }

    public Notification sent(String newJobId, Instant now) {
        return new Notification(id, eventSource, eventId, kind, rule, template, recipient, channel, address, locale,
                timeZone, priority, NotificationStatus.SENT, attempts, null, newJobId, deliveryState, lastError,
                createdAt, now, version);
    }

    public Notification dead(String error, Instant now) {
        return new Notification(id, eventSource, eventId, kind, rule, template, recipient, channel, address, locale,
                timeZone, priority, NotificationStatus.DEAD, attempts, null, jobId, deliveryState, error, createdAt,
                now, version);
    }

    public Notification delivery(NotificationStatus newStatus, String state, Instant now) {
        return new Notification(id, eventSource, eventId, kind, rule, template, recipient, channel, address, locale,
                timeZone, priority, newStatus, attempts, nextAttemptAt, jobId, state, lastError, createdAt, now,
                version);
    }
}
