package io.herald.domain;

import java.time.Instant;

/**
 * A piece of outgoing work kept in the store until it is delivered or given up: a notification to the provider or
 * a write-back to xConnector. Copies are immutable; each change below is a new copy that still names the version it
 * was read at, so the store refuses a change made from a stale copy.
 *
 * @param <T> the kind of work, whose changes return the same kind
 */
public interface Deliverable<T extends Deliverable<T>> {

    String id();

    /** Waiting for its next attempt, which is due at {@link #nextAttemptAt()}. */
    boolean waiting();

    /** Held by a sender whose lease ends at {@link #nextAttemptAt()}. */
    boolean leased();

    Instant nextAttemptAt();

    /** Attempts begun so far, counted when the work is claimed. */
    int attempts();

    Instant createdAt();

    /** Given up (or failed) and its integration-failure alert not raised yet. */
    boolean owesAlert();

    /** Taken by one sender: leased until {@code leaseUntil}, one more attempt counted. */
    T claimed(Instant leaseUntil, Instant now);

    /** Back to waiting after a failed attempt, due again at {@code next}. */
    T retryAt(Instant next, String error, Instant now);

    /** Given up: dead, owing the alert with {@code errorCode}, which is due at once. */
    T dead(String errorCode, String error, Instant now);
}
