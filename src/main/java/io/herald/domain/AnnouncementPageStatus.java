package io.herald.domain;

/** Where one page of an announcement stands. */
public enum AnnouncementPageStatus {
    /** Waiting to be sent: first at its send-at time, then after a retryable failure. */
    PENDING,
    /** Claimed by a sender until its lease ends; an expired lease makes it sendable again. */
    SENDING,
    /** Accepted by OpenText Notifications as one submission to all its members. */
    SENT,
    /** Given up: permanent refusal or retries exhausted. */
    DEAD,
    /** Not sent: the announcement's expiry passed before the page went out. */
    EXPIRED,
    /** Not sent: the announcement was withdrawn before the page went out. */
    WITHDRAWN;

    public boolean isFinal() {
        return this == SENT || this == DEAD || this == EXPIRED || this == WITHDRAWN;
    }
}
