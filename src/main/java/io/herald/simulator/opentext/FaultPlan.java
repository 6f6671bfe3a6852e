package io.herald.simulator.opentext;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * The simulator's current misbehaviour, shared by the HTTP control API and in-JVM tests. Thread-safe: routes read it
 * on the event loop while tests change it.
 */
@ApplicationScoped
public class FaultPlan {

    static final int DEFAULT_FAIL_STATUS = 503;
    static final int DEFAULT_RETRY_AFTER_SECONDS = 1;
    static final String DEFAULT_DELIVERY_STATE = "Sent";

    private long latencyMs;
    private int failNext;
    private int failStatus = DEFAULT_FAIL_STATUS;
    private int retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
    private boolean down;
    private String deliveryState = DEFAULT_DELIVERY_STATE;

    /** A failure to answer instead of handling a call. */
    record Failure(int status, int retryAfterSeconds) {

        /** Throttling and unavailability are the answers that carry {@code Retry-After}. */
        boolean carriesRetryAfter() {
            return status == 429 || status == 503;
        }
    }

    /**
     * Changes the settings that are not null in {@code settings}.
     *
     * @throws IllegalArgumentException when a value is out of range; nothing is changed then
     */
    public synchronized void apply(FaultSettings settings) {
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
        if (settings.deliveryState() != null) {
            deliveryState = settings.deliveryState();
        }
    }

    /** The next {@code count} messaging and push calls answer {@code status}. */
    public void failNext(int count, int status) {
        apply(new FaultSettings(null, count, status, null, null, null));
    }

    /** As {@link #failNext(int, int)}, with {@code Retry-After: retryAfterSeconds} on 429 and 503. */
    public void failNext(int count, int status, int retryAfterSeconds) {
        apply(new FaultSettings(null, count, status, retryAfterSeconds, null, null));
    }

    /** While down, OpenText calls get their connection closed without an answer. */
    public void down(boolean down) {
        apply(new FaultSettings(null, null, null, null, down, null));
    }

    public void latency(Duration latency) {
        apply(new FaultSettings(latency.toMillis(), null, null, null, null, null));
    }

    /** The attempt state status answers report, e.g. {@code Sent}, {@code Submitted}, {@code Error}. */
    public void deliveryState(String state) {
        apply(new FaultSettings(null, null, null, null, null, state));
    }

    public synchronized FaultSettings current() {
        return new FaultSettings(latencyMs, failNext, failStatus, retryAfterSeconds, down, deliveryState);
    }

    public synchronized void reset() {
        latencyMs = 0;
        failNext = 0;
        failStatus = DEFAULT_FAIL_STATUS;
        retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
        down = false;
        deliveryState = DEFAULT_DELIVERY_STATE;
    }

    /** Uses up one planned failure, if any is left. */
    synchronized Optional<Failure> takeFailure() {
        if (failNext <= 0) {
            return Optional.empty();
        }
        failNext--;
        return Optional.of(new Failure(failStatus, retryAfterSeconds));
    }

    synchronized boolean isDown() {
        return down;
    }

    synchronized long latencyMs() {
        return latencyMs;
    }

    synchronized String deliveryState() {
        return deliveryState;
    }

    private static void validate(FaultSettings settings) {
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
        if (settings.deliveryState() != null && settings.deliveryState().isBlank()) {
            throw new IllegalArgumentException("deliveryState must not be blank");
        }
    }
}
