package io.herald.simulator.xconnector;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The write-back endpoint's current misbehaviour, shared by the HTTP control API and in-JVM tests. Thread-safe:
 * the endpoint reads it on the event loop while tests change it.
 *
 * <p>Like the OpenText simulator's fault plan but kept apart: that one also scripts delivery states, and exempts
 * its token endpoint from planned failures; sharing would couple two simulators for five fields.
 */
@ApplicationScoped
public class XConnectorFaults {

    static final int DEFAULT_FAIL_STATUS = 503;
    static final int DEFAULT_RETRY_AFTER_SECONDS = 1;

    private long latencyMs;
    private int failNext;
    private int failStatus = DEFAULT_FAIL_STATUS;
    private int retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
    private boolean down;

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
    public synchronized void apply(XConnectorFaultSettings settings) {
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

    /** The next {@code count} write-back calls answer {@code status}, with {@code Retry-After: 0} on 429 and 503. */
    public void failNext(int count, int status) {
        apply(new XConnectorFaultSettings(null, count, status, 0, null));
    }

    /** While down, write-back calls get their connection closed without an answer. */
    public void down(boolean down) {
        apply(new XConnectorFaultSettings(null, null, null, null, down));
    }

    public synchronized XConnectorFaultSettings current() {
        return new XConnectorFaultSettings(latencyMs, failNext, failStatus, retryAfterSeconds, down);
    }

    public synchronized void reset() {
        latencyMs = 0;
        failNext = 0;
        failStatus = DEFAULT_FAIL_STATUS;
        retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
        down = false;
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

    private static void validate(XConnectorFaultSettings settings) {
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
