package io.herald.dispatch;

import io.herald.audit.AuditTrail;
import io.herald.domain.Notification;
import io.herald.domain.NotificationStatus;
import io.herald.metrics.HeraldMetrics;
import io.herald.notifier.DeliveryReport;
import io.herald.notifier.Notifier;
import io.herald.store.Store;
import io.herald.work.DispatchQueue;
import io.herald.work.FailureAlerts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks OpenText Notifications what became of a sent notification and records the answer on it. Asks again
 * later while delivery is in progress, up to the configured window.
 */
@ApplicationScoped
public class DeliveryStatusCheck {

    static final String LOOP = "status-check";

    private final Store store;
    private final Notifier notifier;
    private final DispatchQueue queue;
    private final FailureAlerts alerts;
    private final AuditTrail audit;
    private final HeraldMetrics metrics;
    private final StatusPolls polls;
    private final Clock clock;

    DeliveryStatusCheck(Store store, Notifier notifier, DispatchQueue queue, FailureAlerts alerts,
            AuditTrail audit, HeraldMetrics metrics, StatusPolls polls, Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.queue = queue;
        this.alerts = alerts;
        this.audit = audit;
        this.metrics = metrics;
        this.polls = polls;
        this.clock = clock;
    }

    public void check(String notificationId) {
        Notification notification = store.findNotification(notificationId).orElse(null);
        if (notification == null || notification.status() != NotificationStatus.SENT || notification.jobId() == null) {
            return;
        }
        Optional<DeliveryReport> report = polls.ask("notification " + notification.id(), LOOP,
                () -> notifier.status(notification.channel(), notification.jobId(), notification.id()),
                () -> askAgain(notification));
        report.ifPresent(answer -> apply(notification, answer));
    }

    /**
     * Records what the provider reports about a sent notification (from the status endpoint or a status push).
     * A report about a notification no longer SENT changes nothing.
     */
    public void apply(Notification notification, DeliveryReport report) {
        if (notification.status() != NotificationStatus.SENT) {
            return;
        }
        Instant now = clock.instant();
        switch (report.outcome()) {
            case IN_PROGRESS -> askAgain(notification);
            case DELIVERED -> store.updateNotification(
                    notification.delivery(NotificationStatus.DELIVERED, report.state(), now)).ifPresent(n -> {
                        metrics.notificationDelivered(n.channel(), "delivered");
                        audit.record(n.eventKey(), "delivered", AuditTrail.HERALD,
                                n.channel().id() + " to " + n.recipient() + ": " + report.state());
                    });
            case FAILED -> store.updateNotification(
                    notification.deliveryFailed(report.state(), "delivery " + report.state(), now)).ifPresent(n -> {
                        metrics.notificationDelivered(n.channel(), "failed");
                        audit.record(n.eventKey(), "delivery-failed", AuditTrail.HERALD,
                                n.channel().id() + " to " + n.recipient() + ": " + report.state());
                        alerts.raiseOwed(n);
                    });
        }
    }

    private void askAgain(Notification notification) {
        polls.nextCheck(notification.updatedAt()).ifPresent(delay -> queue.checkStatus(notification.id(), delay));
    }
}
