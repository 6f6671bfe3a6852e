package io.herald.dispatch;

import io.herald.audit.AuditTrail;
import io.herald.domain.AuditEntry;
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
                    notification.delivery(NotificationStatus.DELIVERED, report.state(), now),
                    outcome(notification, "delivered", report)).ifPresent(
                            n -> metrics.notificationDelivered(n.channel(), "delivered"));
            case FAILED -> store.updateNotification(
                    notification.deliveryFailed(report.state(), "delivery " + report.state(), now),
                    outcome(notification, "delivery-failed", report)).ifPresent(n -> {
                        metrics.notificationDelivered(n.channel(), "failed");
                        alerts.raiseOwed(n);
                    });
        }
    }

    private AuditEntry outcome(Notification notification, String step, DeliveryReport report) {
        return audit.entry(notification.eventKey(), step, AuditTrail.HERALD,
                notification.channel().id() + " to " + notification.recipient() + ": " + report.state());
    }

    private void askAgain(Notification notification) {
        polls.nextCheck(notification.updatedAt()).ifPresent(delay -> queue.checkStatus(notification.id(), delay));
    }
}
