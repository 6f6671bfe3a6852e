package io.herald.simulator.opentext;

import io.herald.simulator.FaultEndpoint;
import io.herald.simulator.Faults;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The simulator's current misbehaviour, shared by the HTTP control API and in-JVM tests: the {@link Faults} both
 * simulators have, plus the delivery state only OpenText status answers report. Thread-safe.
 */
@ApplicationScoped
public class FaultPlan implements FaultEndpoint.Plan<FaultSettings> {

    static final String DEFAULT_DELIVERY_STATE = "Sent";

    private final Faults faults = new Faults();
    private String deliveryState = DEFAULT_DELIVERY_STATE;

    /**
     * Changes the settings that are not null in {@code settings}.
     *
     * @throws IllegalArgumentException when a value is out of range; nothing is changed then
     */
    @Override
    public synchronized void apply(FaultSettings settings) {
        // Shared settings first, so the first bad value is named as before.
        Faults.validate(settings);
        if (settings.deliveryState() != null && settings.deliveryState().isBlank()) {
            throw new IllegalArgumentException("deliveryState must not be blank");
        }
        faults.apply(settings);
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

    @Override
    public synchronized FaultSettings current() {
        String state = deliveryState;
        return faults.current((latencyMs, failNext, failStatus, retryAfterSeconds, down) ->
                new FaultSettings(latencyMs, failNext, failStatus, retryAfterSeconds, down, state));
    }

    public synchronized void reset() {
        faults.reset();
        deliveryState = DEFAULT_DELIVERY_STATE;
    }

    /** The outage, latency and planned failures, for the {@link FaultGate}. */
    Faults shared() {
        return faults;
    }

    synchronized String deliveryState() {
        return deliveryState;
    }
}
