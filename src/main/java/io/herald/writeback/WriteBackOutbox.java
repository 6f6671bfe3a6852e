package io.herald.writeback;

import io.herald.audit.AuditTrail;
import io.herald.domain.EntityRef;
import io.herald.domain.EventKey;
import io.herald.domain.WriteBack;
import io.herald.outbox.OutboxKind;
import io.herald.outbox.RetryPolicy;
import io.herald.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Write-backs as outgoing work: stored in the {@link TaskStore}, woken on the writeback queue, and kept in order per
 * entity. The order lives in the store, not in the queue: only the oldest open write-back of an entity is in turn;
 * a younger one stays PENDING and is woken when the older one is delivered or given up. Messages may be lost,
 * repeated or reordered, and this still holds.
 */
@ApplicationScoped
class WriteBackOutbox implements OutboxKind<WriteBack> {

    private static final Logger LOG = Logger.getLogger(WriteBackOutbox.class);

    private final TaskStore store;
    private final WriteBackQueue queue;
    private final WriteBackAlerts alerts;
    private final AuditTrail audit;
    private final WriteBackMetrics metrics;
    private final Clock clock;
    private final RetryPolicy policy;

    WriteBackOutbox(TaskStore store, WriteBackQueue queue, WriteBackAlerts alerts, AuditTrail audit,
            WriteBackMetrics metrics, WriteBackConfig config, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.alerts = alerts;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
        this.policy = new RetryPolicy(config.initialBackoff(), config.maxBackoff(), Integer.MAX_VALUE,
                config.giveUpAfter(), config.lease());
    }

    @Override
    public String name() {
        return "write-back";
    }

    @Override
    public RetryPolicy policy() {
        return policy;
    }

    @Override
    public Optional<WriteBack> find(String id) {
        return store.findWriteBack(id);
    }

    @Override
    public Optional<WriteBack> update(WriteBack changed) {
        return store.updateWriteBack(changed);
    }

    @Override
    public void wake(String id, Duration delay) {
        queue.wake(id, delay);
    }

    @Override
    public boolean inTurn(WriteBack due) {
        List<WriteBack> oldest = store.openWriteBacksOf(due.entity().key(), 1);
        return oldest.isEmpty() || oldest.get(0).id().equals(due.id());
    }

    @Override
    public void raiseOwed(WriteBack owing) {
        alerts.raiseOwed(owing);
    }

    @Override
    public void retrying(WriteBack failed, String errorCode, Duration delay) {
        metrics.attempted("retry");
        audit.record(eventOf(failed), "write-back-retrying", AuditTrail.HERALD, describe(failed) + ": attempt "
                + failed.attempts() + " got " + errorCode + "; next attempt in " + delay.toMillis() + " ms");
    }

    @Override
    public void gaveUp(WriteBack dead, String errorCode) {
        metrics.attempted("dead");
        LOG.errorf("write-back %s given up after %d attempt(s): %s", dead.id(), dead.attempts(), errorCode);
        audit.record(eventOf(dead), "write-back-dead", AuditTrail.HERALD, describe(dead) + " given up after "
                + dead.attempts() + " attempt(s): " + errorCode);
        wakeNextOf(dead.entity());
    }

    /** xConnector took the write-back (or had taken it before): delivered, and the next of its entity woken. */
    void applied(WriteBack claimed, XConnectorAnswer answer) {
        if (store.updateWriteBack(claimed.delivered(clock.instant())).isEmpty()) {
            LOG.warnf("write-back %s was changed while it was being sent", claimed.id());
            return;
        }
        metrics.attempted("delivered");
        audit.record(eventOf(claimed), "written-back", AuditTrail.HERALD, describe(claimed) + ", attempt "
                + claimed.attempts() + (answer == XConnectorAnswer.ALREADY_APPLIED ? ": already applied" : ""));
        wakeNextOf(claimed.entity());
    }

    private void wakeNextOf(EntityRef entity) {
        List<WriteBack> next = store.openWriteBacksOf(entity.key(), 1);
        if (!next.isEmpty()) {
            queue.wake(next.get(0).id(), Duration.ZERO);
        }
    }

    private static EventKey eventOf(WriteBack writeBack) {
        return new EventKey(writeBack.eventSource(), writeBack.eventId());
    }

    private static String describe(WriteBack writeBack) {
        EntityRef entity = writeBack.entity();
        return writeBack.kind() + " " + writeBack.action() + " of task " + writeBack.taskId() + " to "
                + entity.system() + " " + entity.type() + " " + entity.id();
    }
}
