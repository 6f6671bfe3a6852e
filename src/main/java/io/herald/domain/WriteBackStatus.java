package io.herald.domain;

public enum WriteBackStatus {
    /** Waiting to be delivered (first time or after a retryable failure). */
    PENDING,
    /** Claimed by a writer until its lease ends. */
    SENDING,
    /** xConnector applied it (or answered that it had already). */
    DELIVERED,
    /** Given up: permanent rejection or the give-up time passed; an alert was raised. */
    DEAD
}
