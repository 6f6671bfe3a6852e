package io.herald.dispatch;

import io.herald.audit.AuditTrail;
import io.herald.domain.Notification;
import io.herald.domain.NotificationStatus;
import io.herald.domain.StoredEvent;
import io.herald.domain.Task;
import io.herald.metrics.HeraldMetrics;
import io.herald.notifier.Notifier;
import io.herald.notifier.OutboundMessage;
import io.herald.notifier.SendFailure;
import io.herald.notifier.SubmitReceipt;
import io.herald.store.Store;
import io.herald.work.Backoff;
import io.herald.work.ClaimTiming;
import io.herald.work.DispatchConfig;
import io.herald.work.DispatchQueue;
import io.herald.work.FailureAlerts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Sends one stored notification. Safe to call any number of times for the same notification, concurrently too:
 * a notification is claimed (conditional update) before it is sent, so one dispatcher sends it; the claim is a
 * lease, so a dispatcher that dies mid-send does not strand it; and the provider sees the notification id as
 * idempotency key, so a resend after such a death is not delivered twice.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final Store store;
    private final Notifier notifier;
    private final MessageRenderer renderer;
    private final Backoff backoff;
    private final DispatchQueue queue;
    private final FailureAlerts alerts;
    private final MessageTasks tasks;
    private final Withdrawal withdrawal;
    private final AuditTrail audit;
    private final HeraldMetrics metrics;
    private final DispatchConfig config;
    private final Clock clock;

    public Dispatcher(Store store, Notifier notifier, MessageRenderer renderer, Backoff backoff, DispatchQueue queue,
            FailureAlerts alerts, MessageTasks tasks, Withdrawal withdrawal, AuditTrail audit,
            HeraldMetrics metrics, DispatchConfig config, Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.renderer = renderer;
        this.backoff = backoff;
        this.queue = queue;
        this.alerts = alerts;
        this.tasks = tasks;
        this.withdrawal = withdrawal;
        this.audit = audit;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Sends the notification if it is due and nobody else holds it. One given up or failed whose alert is still
     * owed (its dispatcher died in between) has the alert raised instead.
     */
    public void send(String notificationId) {
        Optional<Notification> found = store.findNotification(notificationId);
        if (found.isPresent() && found.get().owesAlert()) {
            alerts.raiseOwed(found.get());
            return;
        }
        Optional<Notification> claimed = found.flatMap(this::claim);
        if (claimed.isEmpty()) {
            return;
        }
        Notification notification = claimed.get();
        MDC.put("eventId", notification.eventId());
        try {
            attempt(notification);
        } catch (RuntimeException e) {
            // A fault of Herald's own (a bug, an unreadable stored value) would otherwise leave the notification
            // leased, redriven and failing for ever: it counts as a failed attempt like any provider failure.
            LOG.errorf(e, "sending notification %s failed", notification.id());
            crashed(notification, e);
        }
    }

    private void attempt(Notification notification) {
        StoredEvent event = store.findEvent(notification.eventKey()).orElse(null);
        if (event == null) {
            giveUp(notification, "MISSING_EVENT", "the event of this notification is not in the store");
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
            giveUp(notification, "TEMPLATE", e.getMessage());
            return;
        }
        Instant started = clock.instant();
        try {
            SubmitReceipt receipt = notifier.submit(message);
            metrics.notificationSent(notification.channel(), Duration.between(started, clock.instant()));
            sent(notification, receipt);
        } catch (SendFailure failure) {
            failed(notification, failure);
        }
    }

    /** Takes the notification if it is due and nobody else holds it ({@link ClaimTiming}). */
    private Optional<Notification> claim(Notification notification) {
        Instant now = clock.instant();
        ClaimTiming.Decision timing = ClaimTiming.decide(notification.status() == NotificationStatus.PENDING,
                notification.status() == NotificationStatus.SENDING, notification.nextAttemptAt(), now);
        if (!timing.claimNow()) {
            // Someone may hold it; look again when it falls due or the lease ends, in case the holder died.
            timing.lookAgainIn().ifPresent(wait -> queue.send(notification.id(), wait));
            return Optional.empty();
        }
        return store.updateNotification(notification.claimed(now.plus(config.lease()), now));
    }

    private void sent(Notification notification, SubmitReceipt receipt) {
        Instant now = clock.instant();
        if (store.updateNotification(notification.sent(receipt.jobId(), now)).isEmpty()) {
            LOG.warnf("notification %s was changed while it was being sent", notification.id());
        }
        audit.record(notification.eventKey(), "sent", AuditTrail.HERALD, notification.channel().id() + " to "
                + notification.recipient() + ", attempt " + notification.attempts() + ", job " + receipt.jobId());
        queue.checkStatus(notification.id(), config.statusPollDelay());
    }

    private void failed(Notification notification, SendFailure failure) {
        Instant now = clock.instant();
        boolean tooOld = Duration.between(notification.createdAt(), now).compareTo(config.giveUpAfter()) > 0;
        if (!failure.retryable() || notification.attempts() >= config.maxAttempts() || tooOld) {
            giveUp(notification, failure.status() == 0 ? "NO_RESPONSE" : "HTTP " + failure.status(),
                    failure.response());
            return;
        }
        Duration delay = backoff.delay(notification.attempts(), failure.retryAfter());
        metrics.notificationFailed(notification.channel(), "retry");
        if (store.updateNotification(notification.retryAt(now.plus(delay), failure.response(), now)).isPresent()) {
            audit.record(notification.eventKey(), "retrying", AuditTrail.HERALD, notification.channel().id() + " to "
                    + notification.recipient() + ": attempt " + notification.attempts() + " got status "
                    + failure.status() + "; next attempt in " + delay.toMillis() + " ms");
            queue.send(notification.id(), delay);
        }
    }

    private void crashed(Notification notification, RuntimeException e) {
        String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        try {
            Instant now = clock.instant();
            boolean tooOld = Duration.between(notification.createdAt(), now).compareTo(config.giveUpAfter()) > 0;
            if (notification.attempts() >= config.maxAttempts() || tooOld) {
                giveUp(notification, "INTERNAL_ERROR", reason);
                return;
            }
            Duration delay = backoff.delay(notification.attempts(), null);
            metrics.notificationFailed(notification.channel(), "retry");
            if (store.updateNotification(notification.retryAt(now.plus(delay), reason, now)).isPresent()) {
                audit.record(notification.eventKey(), "retrying", AuditTrail.HERALD, notification.channel().id()
                        + " to " + notification.recipient() + ": attempt " + notification.attempts() + " failed ("
                        + e.getClass().getSimpleName() + "); next attempt in " + delay.toMillis() + " ms");
                queue.send(notification.id(), delay);
            }
        } catch (RuntimeException again) {
            // The lease runs out and the sweep redrives the notification; its attempt is already counted.
            LOG.errorf(again, "could not record the failed attempt of notification %s", notification.id());
        }
    }

    private void withdraw(Notification notification, String reason) {
        if (store.updateNotification(notification.withStatus(NotificationStatus.WITHDRAWN, clock.instant()))
                .isPresent()) {
            audit.record(notification.eventKey(), "withdrawn", AuditTrail.HERALD, notification.channel().id()
                    + " to " + notification.recipient() + " not sent: " + reason);
        }
    }

    /**
     * The dead state and the alert it owes are one write: a crash after it leaves the notification due in the store,
     * and the sweep's wake-up raises the alert.
     */
    private void giveUp(Notification notification, String errorCode, String reason) {
        Optional<Notification> dead = store.updateNotification(notification.dead(errorCode, reason, clock.instant()));
        if (dead.isEmpty()) {
            return;
        }
        metrics.notificationFailed(notification.channel(), "dead");
        audit.record(notification.eventKey(), "dead", AuditTrail.HERALD, notification.channel().id() + " to "
                + notification.recipient() + " given up after " + notification.attempts() + " attempt(s): "
                + errorCode);
        alerts.raiseOwed(dead.get());
    }
}
