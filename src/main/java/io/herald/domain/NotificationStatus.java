package io.herald.domain;

public enum NotificationStatus {
    /** Waiting to be sent (first time or after a retryable failure). */
    PENDING,
    /** Claimed by a dispatcher until its lease ends; an expired lease makes it sendable again. */
    SENDING,
    /** Accepted by OpenText Notifications (a job id is known); delivery not yet confirmed. */
    SENT,
    /** The provider reports delivery. */
    DELIVERED,
    /** The provider accepted the job but reports the delivery failed. */
    FAILED,
    /** Given up: permanent rejection or retries exhausted. */
    DEAD,
    /** Not sent because it no longer applied when its turn came, such as a reminder of a task answered since. */
    WITHDRAWN,
    /**
     * Not sent on its own: the event was counted into a group of its rule ({@link AlertGroup}), which the group's
     * notifications announce. Never due.
     */
    GROUPED;

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == DEAD || this == WITHDRAWN || this == GROUPED;
    }
}
