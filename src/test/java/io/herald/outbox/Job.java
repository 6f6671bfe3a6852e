package io.herald.outbox;

import io.herald.domain.Deliverable;
import java.time.Instant;

/** The smallest piece of outgoing work, for testing the outbox apart from notifications and write-backs. */
record Job(String id, String state, int attempts, Instant nextAttemptAt, Instant createdAt, String lastError,
        String alertOwed, long version) implements Deliverable<Job> {

    static Job due(String id, Instant createdAt) {
        return new Job(id, "PENDING", 0, createdAt, createdAt, null, null, 0);
    }

    @Override
    public boolean waiting() {
        return state.equals("PENDING");
    }

    @Override
    public boolean leased() {
        return state.equals("SENDING");
    }

    @Override
    public boolean owesAlert() {
        return state.equals("DEAD") && alertOwed != null;
    }

    @Override
    public Job claimed(Instant leaseUntil, Instant now) {
        return new Job(id, "SENDING", attempts + 1, leaseUntil, createdAt, lastError, null, version);
    }

    @Override
    public Job retryAt(Instant next, String error, Instant now) {
        return new Job(id, "PENDING", attempts, next, createdAt, error, null, version);
    }

    @Override
    public Job dead(String errorCode, String error, Instant now) {
        return new Job(id, "DEAD", attempts, now, createdAt, error, errorCode, version);
    }

    Job done() {
        return new Job(id, "DONE", attempts, null, createdAt, lastError, null, version);
    }

    Job alerted() {
        return new Job(id, state, attempts, null, createdAt, lastError, null, version);
    }
}
