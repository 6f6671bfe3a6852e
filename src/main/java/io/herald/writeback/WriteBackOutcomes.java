package io.herald.writeback;

import io.herald.audit.AuditTrail;
import io.herald.domain.EntityRef;
import io.herald.domain.EventKey;
import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import io.herald.notifier.SendFailure;
import io.herald.store.TaskStore;
import io.herald.work.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Records how an attempt went on a claimed write-back: delivered, retry later, or given up. Each outcome is a
 * conditional update of the claimed copy, so a writer whose lease ran out (and whose write-back someone else took
 * meanwhile) changes nothing. A write-back that is finished either way wakes the next one of its entity.
 */
@ApplicationScoped
class WriteBackOutcomes {

    private static final Logger LOG = Logger.getLogger(WriteBackOutcomes.class);

    private final TaskStore store;
    private final WriteBackQueue queue;
    private final WriteBackAlerts alerts;
    private final AuditTrail audit;
    private final WriteBackMetrics metrics;
    private final WriteBackConfig config;
    private final Clock clock;

    WriteBackOutcomes(TaskStore store, WriteBackQueue queue, WriteBackAlerts alerts, AuditTrail audit,
            WriteBackMetrics metrics, WriteBackConfig config, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.alerts = alerts;
        this.audit = audit;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    void applied(WriteBack claimed, XConnectorAnswer answer) {
        Instant now = clock.instant();
        if (store.updateWriteBack(claimed.with(WriteBackStatus.DELIVERED, claimed.attempts(), null,
                claimed.lastError(), now)).isEmpty()) {
            LOG.warnf("write-back %s was changed while it was being sent", claimed.id());
            return;
        }
        metrics.attempted("delivered");
        audit.record(eventOf(claimed), "written-back", AuditTrail.HERALD, describe(claimed) + ", attempt "
                + claimed.attempts() + (answer == XConnectorAnswer.ALREADY_APPLIED ? ": already applied" : ""));
        wakeNextOf(claimed.entity());
    }

    void failed(WriteBack claimed, SendFailure failure) {
        Instant now = clock.instant();
        boolean tooOld = Duration.between(claimed.createdAt(), now).compareTo(config.giveUpAfter()) >= 0;
        String errorCode = failure.status() == 0 ? "NO_RESPONSE" : "HTTP " + failure.status();
        if (!failure.retryable() || tooOld) {
            giveUp(claimed, errorCode, failure.response());
            return;
        }
        Duration delay = retryDelay(claimed, failure, now);
        if (store.updateWriteBack(claimed.with(WriteBackStatus.PENDING, claimed.attempts(), now.plus(delay),
                failure.response(), now)).isEmpty()) {
            LOG.warnf("write-back %s was changed while it was being sent", claimed.id());
            return;
        }
        metrics.attempted("retry");
        audit.record(eventOf(claimed), "write-back-retrying", AuditTrail.HERALD, describe(claimed) + ": attempt "
                + claimed.attempts() + " got " + errorCode + "; next attempt in " + delay.toMillis() + " ms");
        queue.wake(claimed.id(), delay);
    }

    private void giveUp(WriteBack claimed, String errorCode, String reason) {
        Instant now = clock.instant();
        Optional<WriteBack> dead = store.updateWriteBack(claimed.dead(errorCode, reason, now));
        if (dead.isEmpty()) {
            LOG.warnf("write-back %s was changed while it was being sent", claimed.id());
            return;
        }
        metrics.attempted("dead");
        LOG.errorf("write-back %s given up after %d attempt(s): %s", claimed.id(), claimed.attempts(), errorCode);
        audit.record(eventOf(claimed), "write-back-dead", AuditTrail.HERALD, describe(claimed) + " given up after "
                + claimed.attempts() + " attempt(s): " + errorCode);
        alerts.raiseOwed(dead.get());
        wakeNextOf(claimed.entity());
    }

    /**
     * Backoff with jitter, or xConnector's {@code Retry-After} when longer, but never past the give-up time: the
     * attempt then is the last one, and no open write-back is due later than {@code giveUpAfter} from now.
     */
    private Duration retryDelay(WriteBack claimed, SendFailure failure, Instant now) {
        Duration delay = Backoff.delay(config.initialBackoff(), config.maxBackoff(), claimed.attempts(),
                failure.retryAfter());
        Duration untilGiveUp = Duration.between(now, claimed.createdAt().plus(config.giveUpAfter()));
        return delay.compareTo(untilGiveUp) > 0 ? untilGiveUp : delay;
    }

    /** The next write-back of the entity was left waiting for this one; its turn has come. */
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
