package io.herald.simulator;

import java.util.Optional;

/**
 * The misbehaviour both simulators share: planned failures, an outage and latency. One copy, so that both
 * {@code _faults} endpoints validate, reset and use up failures alike. Thread-safe: routes read it on the event loop
 * while tests change it.
 */
public final class Faults {

    public static final int DEFAULT_FAIL_STATUS = 503;
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 1;
    /** The shared settings' JSON names, in order. */
    public static final String FIELDS = "latencyMs, failNext, failStatus, retryAfterSeconds, down";

    private long latencyMs;
    private int failNext;
    private int failStatus = DEFAULT_FAIL_STATUS;
    private int retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
    private boolean down;

    /** The shared fields of a simulator's fault settings record; a null field leaves that setting as it is. */
    public interface Settings {
        Long latencyMs();

        Integer failNext();

        Integer failStatus();

        Integer retryAfterSeconds();

        Boolean down();
    }

    /** Builds a simulator's own settings record from the shared values, read together. */
    @FunctionalInterface
    public interface Snapshot<T> {
        T of(long latencyMs, int failNext, int failStatus, int retryAfterSeconds, boolean down);
    }

    /** A failure to answer instead of handling a call. */
    public record Failure(int status, int retryAfterSeconds) {

        /** Throttling and unavailability are the answers that carry {@code Retry-After}. */
        public boolean carriesRetryAfter() {
            return status == 429 || status == 503;
        }
    }

    /**
     * Changes the settings that are not null in {@code settings}.
     *
     * @throws IllegalArgumentException when a value is out of range; nothing is changed then
     */
    public synchronized void apply(Settings settings) {
        validate(settings);
        if (settings.latencyMs() != null) {
            latencyMs = settings.latencyMs();
        }
        if (settings.failNext() != null) {
            failNext = settings.failNext();
        }
        if (settings.failStatus() != null) {
            failStatus = settings.failStatus();
        }
        if (settings.retryAfterSeconds() != null) {
            retryAfterSeconds = settings.retryAfterSeconds();
        }
        if (settings.down() != null) {
            down = settings.down();
        }
    }

    public synchronized <T> T current(Snapshot<T> snapshot) {
        return snapshot.of(latencyMs, failNext, failStatus, retryAfterSeconds, down);
    }

    public synchronized void reset() {
        latencyMs = 0;
        failNext = 0;
        failStatus = DEFAULT_FAIL_STATUS;
        retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
        down = false;
    }

    /** Uses up one planned failure, if any is left. */
    public synchronized Optional<Failure> takeFailure() {
        if (failNext <= 0) {
            return Optional.empty();
        }
        failNext--;
        return Optional.of(new Failure(failStatus, retryAfterSeconds));
    }

    public synchronized boolean isDown() {
        return down;
    }

    public synchronized long latencyMs() {
        return latencyMs;
    }

    /** @throws IllegalArgumentException naming the first shared setting that is out of range */
    public static void validate(Settings settings) {
        if (settings.latencyMs() != null && settings.latencyMs() < 0) {
            throw new IllegalArgumentException("latencyMs must not be negative");
        }
        if (settings.failNext() != null && settings.failNext() < 0) {
            throw new IllegalArgumentException("failNext must not be negative");
        }
        if (settings.failStatus() != null && (settings.failStatus() < 400 || settings.failStatus() > 599)) {
            throw new IllegalArgumentException("failStatus must be an HTTP error status (400-599)");
        }
        if (settings.retryAfterSeconds() != null && settings.retryAfterSeconds() < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative");
        }
    }
}
