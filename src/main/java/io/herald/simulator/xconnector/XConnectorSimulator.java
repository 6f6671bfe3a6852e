package io.herald.simulator.xconnector;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The xConnector simulator as seen from Java: what it applied, every call it got, and how it should misbehave.
 * In-JVM tests inject this bean; everything here is also reachable over HTTP under
 * {@code /sim/xconnector/writebacks} and {@code /sim/xconnector/_faults}.
 */
@ApplicationScoped
public class XConnectorSimulator {

    private final WriteBackLedger ledger;
    private final XConnectorFaults faults;

    XConnectorSimulator(WriteBackLedger ledger, XConnectorFaults faults) {
        this.ledger = ledger;
        this.faults = faults;
    }

    /**
     * The most recent write-backs applied (see {@link io.herald.simulator.RecentRecord}), oldest first; a repeated
     * {@code Idempotency-Key} is applied (and listed) once.
     */
    public List<ReceivedWriteBack> writeBacks() {
        return ledger.applied();
    }

    /** The most recent calls to the write-back endpoint with their answers, refused and failed ones included. */
    public List<WriteBackCall> calls() {
        return ledger.calls();
    }

    /** The misbehaviour plan, changeable at any time. */
    public XConnectorFaults faults() {
        return faults;
    }

    /** Forgets write-backs, calls and applied keys, and clears all faults. */
    public void reset() {
        ledger.clear();
        faults.reset();
    }
}
