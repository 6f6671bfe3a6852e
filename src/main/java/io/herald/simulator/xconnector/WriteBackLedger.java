package io.herald.simulator.xconnector;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the simulated xConnector applied (each {@code Idempotency-Key} once) and every call it got. Thread-safe:
 * the endpoint writes on the event loop while tests read.
 */
@ApplicationScoped
class WriteBackLedger {

    private final List<ReceivedWriteBack> applied = new ArrayList<>();
    private final Set<String> appliedKeys = new HashSet<>();
    private final List<WriteBackCall> calls = new ArrayList<>();

    /** @return false, recording nothing, when a write-back with this key was applied before */
    synchronized boolean applyOnce(String idempotencyKey, ReceivedWriteBack writeBack) {
        if (!appliedKeys.add(idempotencyKey)) {
            return false;
        }
        applied.add(writeBack);
        return true;
    }

    synchronized void called(WriteBackCall call) {
        calls.add(call);
    }

    synchronized List<ReceivedWriteBack> applied() {
        return List.copyOf(applied);
    }

    synchronized List<WriteBackCall> calls() {
        return List.copyOf(calls);
    }

    synchronized void clear() {
        applied.clear();
        appliedKeys.clear();
        calls.clear();
    }
}
