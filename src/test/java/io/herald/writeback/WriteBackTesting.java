package io.herald.writeback;

import static org.awaitility.Awaitility.await;

import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import io.herald.simulator.xconnector.ReceivedWriteBack;
import io.herald.simulator.xconnector.WriteBackCall;
import io.herald.simulator.xconnector.XConnectorSimulator;
import io.herald.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What write-back tests ask of the running application: the store, the queue and the xConnector simulator. */
@ApplicationScoped
public class WriteBackTesting {

    static final Duration PATIENCE = Duration.ofSeconds(20);
    /** Beyond any retry or lease in tests, so every open write-back is "due" by then. */
    private static final Duration EVERYTHING_OPEN = Duration.ofDays(2);

    private final TaskStore store;
    private final XConnectorSimulator xconnector;

    WriteBackTesting(TaskStore store, XConnectorSimulator xconnector) {
        this.store = store;
        this.xconnector = xconnector;
    }

    /**
     * Waits until every write-back is delivered or given up, so faults set next hit only the calling test's
     * write-backs. (The queue may still hold lease checks for finished ones; they send nothing.)
     */
    void awaitIdle() {
        await().atMost(PATIENCE).until(() -> store.dueWriteBacks(Instant.now().plus(EVERYTHING_OPEN), 1).isEmpty());
    }

    WriteBack awaitStatus(String id, WriteBackStatus status) {
        await().atMost(PATIENCE).until(() -> stored(id).status() == status);
        return stored(id);
    }

    WriteBack stored(String id) {
        return store.findWriteBack(id).orElseThrow();
    }

    /** What xConnector applied with this {@code Idempotency-Key}. */
    List<ReceivedWriteBack> applied(String id) {
        return xconnector.writeBacks().stream().filter(w -> id.equals(w.header("Idempotency-Key"))).toList();
    }

    /** Every call xConnector got with this {@code Idempotency-Key}. */
    List<WriteBackCall> calls(String id) {
        return xconnector.calls().stream().filter(c -> id.equals(c.idempotencyKey())).toList();
    }

    XConnectorSimulator xconnector() {
        return xconnector;
    }
}
