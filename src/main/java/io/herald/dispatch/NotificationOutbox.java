package io.herald.dispatch;

import io.herald.audit.AuditTrail;
import io.herald.domain.Notification;
import io.herald.metrics.HeraldMetrics;
import io.herald.outbox.OutboxKind;
import io.herald.outbox.RetryPolicy;
import io.herald.store.Store;
import io.herald.work.DispatchConfig;
import io.herald.work.DispatchQueue;
import io.herald.work.FailureAlerts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/** Notifications as outgoing work: stored in the {@link Store}, woken on the dispatch queue. */
@ApplicationScoped
class NotificationOutbox implements OutboxKind<Notification> {

    private final Store store;
    private final DispatchQueue queue;
    private final FailureAlerts alerts;
    private final AuditTrail audit;
    private final HeraldMetrics metrics;
    private final RetryPolicy policy;

    NotificationOutbox(Store store, DispatchQueue queue, FailureAlerts alerts, AuditTrail audit,
            HeraldMetrics metrics, DispatchConfig config) {
        this.store = store;
        this.queue = queue;
        this.alerts = alerts;
        this.audit = audit;
        this.metrics = metrics;
        this.policy = config.retryPolicy();
    }

    @Override
    public String name() {
        return "notification";
    }

    @Override
    public RetryPolicy policy() {
        return policy;
    }

    @Override
    public Optional<Notification> find(String id) {
        return store.findNotification(id);
    }

    @Override
    public Optional<Notification> update(Notification changed) {
        return store.updateNotification(changed);
    }

    @Override
    public void wake(String id, Duration delay) {
        queue.send(id, delay);
    }

    @Override
    public void raiseOwed(Notification owing) {
        alerts.raiseOwed(owing);
    }

    @Override
    public void retrying(Notification failed, String errorCode, Duration delay) {
        metrics.notificationFailed(failed.channel(), "retry");
        audit.record(failed.eventKey(), "retrying", AuditTrail.HERALD, describe(failed) + ": attempt "
                + failed.attempts() + " got " + errorCode + "; next attempt in " + delay.toMillis() + " ms");
    }

    @Override
    public void gaveUp(Notification dead, String errorCode) {
        metrics.notificationFailed(dead.channel(), "dead");
        audit.record(dead.eventKey(), "dead", AuditTrail.HERALD, describe(dead) + " given up after "
                + dead.attempts() + " attempt(s): " + errorCode);
    }

    static String describe(Notification notification) {
        return notification.channel().id() + " to " + notification.recipient();
    }
}
