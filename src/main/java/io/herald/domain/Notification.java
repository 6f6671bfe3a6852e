package io.herald.domain;

import java.time.Instant;

/**
 * One message to one recipient on one channel. Its {@code id} is derived from (event, recipient, channel),
 * so storing the same notification twice is a no-op and the id doubles as the provider idempotency key.
 *
 * @param recipient directory user id (or group id for in-app group pushes)
 * @param address where the channel reaches the recipient: e-mail address, phone number or in-app user id
 * @param nextAttemptAt for PENDING the earliest next attempt; for SENDING the end of the lease; for DEAD or FAILED
 *        the time from which its owed alert is due
 * @param version optimistic-concurrency counter; every update must name the version it read
 * @param alertOwed for a DEAD or FAILED notification whose integration-failure alert is not raised yet: that
 *        alert's error code, written in the same update as the dead or failed state, so that a crash between the
 *        two still raises it (the sweep finds the notification due); null otherwise
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
        long version,
        String alertOwed) implements Deliverable<Notification> {

    /** The longest error code kept for an owed alert; a provider's delivery state can be any text. */
    public static final int MAX_ALERT_CODE = 64;

    /** A notification that owes no alert. */
    public Notification(String id, String eventSource, String eventId, NotificationKind kind, String rule,
            String template, String recipient, Channel channel, String address, String locale, String timeZone,
            Priority priority, NotificationStatus status, int attempts, Instant nextAttemptAt, String jobId,
            String deliveryState, String lastError, Instant createdAt, Instant updatedAt, long version) {
        this(id, eventSource, eventId, kind, rule, template, recipient, channel, address, locale, timeZone, priority,
                status, attempts, nextAttemptAt, jobId, deliveryState, lastError, createdAt, updatedAt, version, null);
    }

    public EventKey eventKey() {
        return new EventKey(eventSource, eventId);
    }

    /** Whether both are the same event's notification to the same person on the same channel: an event has one. */
    public boolean sameDelivery(Notification other) {
        return eventSource.equals(other.eventSource) && eventId.equals(other.eventId)
                && recipient.equals(other.recipient) && channel == other.channel;
    }

    @Override
    public boolean waiting() {
        return status == NotificationStatus.PENDING;
    }

    @Override
    public boolean leased() {
        return status == NotificationStatus.SENDING;
    }

    public Notification withStatus(NotificationStatus newStatus, Instant now) {
        return next(newStatus, attempts, nextAttemptAt, jobId, deliveryState, lastError, now, null);
    }

    @Override
    public Notification claimed(Instant leaseUntil, Instant now) {
        return next(NotificationStatus.SENDING, attempts + 1, leaseUntil, jobId, deliveryState, lastError, now,
                null);
    }

    @Override
    public Notification retryAt(Instant next, String error, Instant now) {
        return next(NotificationStatus.PENDING, attempts, next, jobId, deliveryState, error, now, null);
    }

    public Notification sent(String newJobId, Instant now) {
        return next(NotificationStatus.SENT, attempts, null, newJobId, deliveryState, lastError, now, null);
    }

    @Override
    public Notification dead(String errorCode, String error, Instant now) {
        return next(NotificationStatus.DEAD, attempts, now, jobId, deliveryState, error, now, alertCode(errorCode));
    }

    /** The provider reported that delivery failed: owing the alert with {@code errorCode}, due at once. */
    public Notification deliveryFailed(String state, String errorCode, Instant now) {
        return next(NotificationStatus.FAILED, attempts, now, jobId, state, lastError, now, alertCode(errorCode));
    }

    /**
     * Sent again at an operator's request: waiting, due now, with a fresh count of attempts. An alert still owed is
     * dropped, as the failure it reports is being retried; a new failure owes its own.
     */
    public Notification replayed(Instant now) {
        return next(NotificationStatus.PENDING, 0, now, jobId, deliveryState, lastError, now, null);
    }

    /** The owed alert was raised. */
    public Notification alerted(Instant now) {
        return next(status, attempts, null, jobId, deliveryState, lastError, now, null);
    }

    @Override
    public boolean owesAlert() {
        return (status == NotificationStatus.DEAD || status == NotificationStatus.FAILED) && alertOwed != null;
    }

    public static String alertCode(String errorCode) {
        return errorCode.length() > MAX_ALERT_CODE ? errorCode.substring(0, MAX_ALERT_CODE) : errorCode;
    }

    public Notification delivery(NotificationStatus newStatus, String state, Instant now) {
        return next(newStatus, attempts, nextAttemptAt, jobId, state, lastError, now, null);
    }

    /** A copy with the fields a change of state may touch; what the notification is stays as it is. */
    private Notification next(NotificationStatus newStatus, int newAttempts, Instant newNextAttemptAt,
            String newJobId, String newDeliveryState, String newLastError, Instant now, String newAlertOwed) {
        return new Notification(id, eventSource, eventId, kind, rule, template, recipient, channel, address, locale,
                timeZone, priority, newStatus, newAttempts, newNextAttemptAt, newJobId, newDeliveryState, newLastError,
                createdAt, now, version, newAlertOwed);
    }
}
