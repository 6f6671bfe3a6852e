package io.herald.dispatch;

import io.herald.audit.AuditTrail;
import io.herald.domain.AuditEntry;
import io.herald.domain.Notification;
import io.herald.domain.NotificationStatus;
import io.herald.domain.StoredEvent;
import io.herald.domain.Task;
import io.herald.metrics.HeraldMetrics;
import io.herald.notifier.Notifier;
import io.herald.notifier.OutboundMessage;
import io.herald.notifier.SendFailure;
import io.herald.notifier.SubmitReceipt;
import io.herald.outbox.Outbox;
import io.herald.store.Store;
import io.herald.work.DispatchConfig;
import io.herald.work.DispatchQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Sends one stored notification through the {@link Outbox}, which claims it, retries it and gives it up; what is
 * particular to notifications is here: the event and task it speaks of, withdrawal of one no longer wanted,
 * rendering, and what a sent notification leads to (a delivery-status check). The provider sees the notification
 * id as idempotency key.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final Store store;
    private final Notifier notifier;
    private final MessageRenderer renderer;
    private final DispatchQueue queue;
    private final MessageTasks tasks;
    private final Withdrawal withdrawal;
    private final AuditTrail audit;
    private final HeraldMetrics metrics;
    private final DispatchConfig config;
    private final Clock clock;
    private final Outbox<Notification> outbox;

    Dispatcher(Store store, Notifier notifier, MessageRenderer renderer, DispatchQueue queue,
            NotificationOutbox notifications, MessageTasks tasks, Withdrawal withdrawal, AuditTrail audit,
            HeraldMetrics metrics, DispatchConfig config, Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.renderer = renderer;
        this.queue = queue;
        this.tasks = tasks;
        this.withdrawal = withdrawal;
        this.audit = audit;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
        this.outbox = new Outbox<>(notifications, clock);
    }

    /**
     * Sends the notification if it is due and nobody else holds it. One given up or failed whose alert is still
     * owed (its dispatcher died in between) has the alert raised instead.
     */
    public void send(String notificationId) {
        outbox.deliver(notificationId, this::attempt);
    }

    private void attempt(Notification notification) throws SendFailure {
        MDC.put("eventId", notification.eventId());
        StoredEvent event = store.findEvent(notification.eventKey()).orElse(null);
        if (event == null) {
            outbox.giveUp(notification, "MISSING_EVENT", "the event of this notification is not in the store");
            return;
        }
        Optional<Task> task = tasks.of(notification, event);
        Optional<String> withdrawn = withdrawal.reason(notification, event, task);
        if (withdrawn.isPresent()) {
            withdraw(notification, withdrawn.get());
            return;
        }
        OutboundMessage message;
        try {
            message = renderer.render(notification, event, task);
        } catch (RenderingException e) {
            outbox.giveUp(notification, "TEMPLATE", e.getMessage());
            return;
        }
        Instant started = clock.instant();
        SubmitReceipt receipt = notifier.submit(message);
        metrics.notificationSent(notification.channel(), Duration.between(started, clock.instant()));
        sent(notification, receipt);
    }

    /** The sent mark and its audit entry in one write: one commit fewer per message than two writes. */
    private void sent(Notification notification, SubmitReceipt receipt) {
        AuditEntry entry = audit.entry(notification.eventKey(), "sent", AuditTrail.HERALD,
                NotificationOutbox.describe(notification) + ", attempt " + notification.attempts() + ", job "
                        + receipt.jobId());
        if (store.updateNotification(notification.sent(receipt.jobId(), clock.instant()), entry).isEmpty()) {
            // The provider accepted it all the same; its record is kept, as before, so the trail shows the send.
            LOG.warnf("notification %s was changed while it was being sent", notification.id());
            store.appendAudit(entry);
        }
        queue.checkStatus(notification.id(), config.statusPollDelay());
    }

    private void withdraw(Notification notification, String reason) {
        store.updateNotification(notification.withStatus(NotificationStatus.WITHDRAWN, clock.instant()),
                audit.entry(notification.eventKey(), "withdrawn", AuditTrail.HERALD,
                        NotificationOutbox.describe(notification) + " not sent: " + reason));
    }
}
