package io.herald.simulator.opentext;

import io.herald.simulator.FaultEndpoint;
import io.herald.simulator.Faults;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulator's current misbehaviour, shared by the HTTP control API and in-JVM tests: the {@link Faults} both
 * simulators have, plus the delivery state only OpenText status answers report. Thread-safe.
 */
@ApplicationScoped
public class FaultPlan implements FaultEndpoint.Plan<FaultSettings> {

    static final String DEFAULT_DELIVERY_STATE = "Sent";

    private final Faults faults = new Faults();
    private String deliveryState = DEFAULT_DELIVERY_STATE;
    private Map<String, String> deliveryStates = Map.of();

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
        if (settings.deliveryStates() != null && settings.deliveryStates().values().stream()
                .anyMatch(state -> state == null || state.isBlank())) {
            throw new IllegalArgumentException("deliveryStates must name a state for every address");
        }
        faults.apply(settings);
        if (settings.deliveryState() != null) {
            deliveryState = settings.deliveryState();
        }
        if (settings.deliveryStates() != null) {
            deliveryStates = settings.deliveryStates();
        }
    }

    /** The next {@code count} messaging and push calls answer {@code status}. */
    public void failNext(int count, int status) {
        apply(new FaultSettings(null, count, status, null, null, null, null));
    }

    /** As {@link #failNext(int, int)}, with {@code Retry-After: retryAfterSeconds} on 429 and 503. */
    public void failNext(int count, int status, int retryAfterSeconds) {
        apply(new FaultSettings(null, count, status, retryAfterSeconds, null, null, null));
    }

    /** While down, OpenText calls get their connection closed without an answer. */
    public void down(boolean down) {
        apply(new FaultSettings(null, null, null, null, down, null, null));
    }

    public void latency(Duration latency) {
        apply(new FaultSettings(latency.toMillis(), null, null, null, null, null, null));
    }

    /** The attempt state status answers report, e.g. {@code Sent}, {@code Submitted}, {@code Error}. */
    public void deliveryState(String state) {
        apply(new FaultSettings(null, null, null, null, null, state, null));
    }

    /** The attempt state status answers report for the deliveries to {@code address}, the others keeping theirs. */
    public synchronized void deliveryState(String address, String state) {
        Map<String, String> changed = new HashMap<>(deliveryStates);
        changed.put(address, state);
        apply(new FaultSettings(null, null, null, null, null, null, changed));
    }

    @Override
    public synchronized FaultSettings current() {
        String state = deliveryState;
        Map<String, String> states = deliveryStates;
        return faults.current((latencyMs, failNext, failStatus, retryAfterSeconds, down) ->
                new FaultSettings(latencyMs, failNext, failStatus, retryAfterSeconds, down, state, states));
    }

    public synchronized void reset() {
        faults.reset();
        deliveryState = DEFAULT_DELIVERY_STATE;
        deliveryStates = Map.of();
    }

    /** The outage, latency and planned failures, for the {@link FaultGate}. */
    Faults shared() {
        return faults;
    }

    /** The state status answers report for a delivery to {@code address}. */
    synchronized String deliveryStateOf(String address) {
        return deliveryStates.getOrDefault(address, deliveryState);
    }
}
