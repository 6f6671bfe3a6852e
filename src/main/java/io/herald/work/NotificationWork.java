package io.herald.work;

import io.herald.audit.AuditTrail;
import io.herald.domain.Channel;
import io.herald.domain.EventStatus;
import io.herald.domain.Notification;
import io.herald.domain.NotificationIds;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.Priority;
import io.herald.domain.StoredEvent;
import io.herald.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns a routing decision into stored work: the notifications first, then the event's routing outcome, then
 * a wake-up call to dispatch. Every step is idempotent, so repeating the whole sequence after a crash at any
 * point completes it without sending anything twice.
 */
@ApplicationScoped
public class NotificationWork {

    private final Store store;
    private final DispatchQueue dispatch;
    private final AuditTrail audit;
    private final Clock clock;

    public NotificationWork(Store store, DispatchQueue dispatch, AuditTrail audit, Clock clock) {
        this.store = store;
        this.dispatch = dispatch;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new notification, ready to send now. */
    public Notification plan(StoredEvent event, NotificationKind kind, String rule, String template,
            Priority priority, String recipient, Channel channel, String address, String locale, String timeZone) {
        Instant now = clock.instant();
        return new Notification(NotificationIds.of(event.key(), recipient, channel), event.source(), event.id(), kind,
                rule, template, recipient, channel, address, locale, timeZone, priority, NotificationStatus.PENDING, 0,
                now, null, null, null, now, now, 0);
    }

    /**
     * Stores an event of Herald's own (an alert, an SLA message) and records its notifications, keyed by the
     * event so that raising it again after a crash completes what is missing and sends nothing twice.
     *
     * @param plan the event's notifications, asked for only while the event is not yet routed
     * @return true if this call recorded the notifications, false if an earlier call had
     */
    public boolean recordOwn(StoredEvent event, List<String> rules, Supplier<List<Notification>> plan) {
        if (!store.insertEvent(event) && store.findEvent(event.key()).map(StoredEvent::status)
                .orElse(null) != EventStatus.RECEIVED) {
            return false;
        }
        record(event, rules, plan.get());
        return true;
    }

    /**
     * Stores the planned notifications (keeping any already stored), records the outcome on the event and wakes
     * dispatch for every notification still pending.
     *
     * @return the event's notifications as stored
     */
    public List<Notification> record(StoredEvent event, List<String> rules, List<Notification> planned) {
        List<Notification> stored = new ArrayList<>(planned.size());
        for (Notification notification : planned) {
            stored.add(store.insertNotification(notification)
                    ? notification
                    : store.findNotification(notification.id()).orElse(notification));
        }
        store.markRouted(event.key(), rules, clock.instant());
        audit.record(event.key(), rules.isEmpty() ? "unrouted" : "routed", AuditTrail.HERALD,
                rules.isEmpty() ? "no rule matched" : "rules " + String.join(", ", rules) + "; "
                        + planned.size() + " notification(s)");
        for (Notification notification : stored) {
            if (notification.status() == NotificationStatus.PENDING) {
                dispatch.send(notification.id(), Duration.ZERO);
            }
        }
        return stored;
    }
}
