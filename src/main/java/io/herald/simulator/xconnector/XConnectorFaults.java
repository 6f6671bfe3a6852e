package io.herald.simulator.xconnector;

import io.herald.simulator.FaultEndpoint;
import io.herald.simulator.Faults;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The write-back endpoint's current misbehaviour, shared by the HTTP control API and in-JVM tests: just the
 * {@link Faults} both simulators have, under this simulator's settings record. Thread-safe.
 */
@ApplicationScoped
public class XConnectorFaults implements FaultEndpoint.Plan<XConnectorFaultSettings> {

    private final Faults faults = new Faults();

    /**
     * Changes the settings that are not null in {@code settings}.
     *
     * @throws IllegalArgumentException when a value is out of range; nothing is changed then
     */
    @Override
    public void apply(XConnectorFaultSettings settings) {
        faults.apply(settings);
    }

    /** The next {@code count} write-back calls answer {@code status}, with {@code Retry-After: 0} on 429 and 503. */
    public void failNext(int count, int status) {
        apply(new XConnectorFaultSettings(null, count, status, 0, null));
    }

    /** While down, write-back calls get their connection closed without an answer. */
    public void down(boolean down) {
        apply(new XConnectorFaultSettings(null, null, null, null, down));
    }

    @Override
    public XConnectorFaultSettings current() {
        return faults.current(XConnectorFaultSettings::new);
    }

    public void reset() {
        faults.reset();
    }

    /** The outage, latency and planned failures, for the {@link WriteBackReceiver}. */
    Faults shared() {
        return faults;
    }
}
