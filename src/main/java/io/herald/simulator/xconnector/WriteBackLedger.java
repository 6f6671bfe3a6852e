package io.herald.simulator.xconnector;

import io.herald.simulator.RecentRecord;
import io.herald.simulator.RecentRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the simulated xConnector applied (each {@code Idempotency-Key} once) and the calls it got, the most recent
 * of each. A write-back pushed out of the record takes its key with it: a repeat of that key is applied anew.
 * Thread-safe: the endpoint writes on the event loop while tests read.
 */
@ApplicationScoped
class WriteBackLedger {

    private final RecentRecord<ReceivedWriteBack> applied;
    private final Set<String> appliedKeys = new HashSet<>();
    private final RecentRecord<WriteBackCall> calls;

    @Inject
    WriteBackLedger(RecentRecords records) {
        this.applied = records.keeping(
                writeBack -> appliedKeys.remove(writeBack.header(WriteBackReceiver.IDEMPOTENCY_KEY)));
        this.calls = records.keeping(call -> { });
    }

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
        return applied.list();
    }

    synchronized List<WriteBackCall> calls() {
        return calls.list();
    }

    synchronized void clear() {
        applied.clear();
        appliedKeys.clear();
        calls.clear();
    }
}
