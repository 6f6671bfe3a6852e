package io.herald.work;

import io.herald.audit.AuditTrail;
import io.herald.domain.AuditEntry;
import io.herald.domain.Channel;
import io.herald.domain.EventStatus;
import io.herald.domain.Notification;
import io.herald.domain.NotificationIds;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.Priority;
import io.herald.domain.StoredEvent;
import io.herald.store.RoutedArrival;
import io.herald.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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
        return new Notification(NotificationIds.of(event, recipient, channel), event.source(), event.id(), kind,
                rule, template, recipient, channel, address, locale, timeZone, priority, NotificationStatus.PENDING, 0,
                now, null, null, null, now, now, 0);
    }

    /**
     * Stores an event of Herald's own (an alert, an SLA message) and records its notifications, keyed by the
     * event so that raising it again after a crash completes what is missing and sends nothing twice.
     *
     * @param plan the event's notifications, planned from the event as stored (as first raised, whose receipt
     *        time their ids carry), asked for only while the event is not yet routed
     * @return true if this call recorded the notifications, false if an earlier call had
     */
    public boolean recordOwn(StoredEvent event, List<String> rules, Function<StoredEvent, List<Notification>> plan) {
        if (store.insertEvent(event)) {
            // stored just now, so none of its notifications can be stored yet
            record(event, rules, plan.apply(event), List.of());
            return true;
        }
        StoredEvent stored = store.findEvent(event.key()).orElse(null);
        if (stored == null || stored.status() != EventStatus.RECEIVED) {
            return false;
        }
        record(stored, rules, plan.apply(stored));
        return true;
    }

    /**
     * Stores the planned notifications (keeping any already stored), records the outcome on the event and wakes
     * dispatch for every notification still pending.
     *
     * @return the event's notifications as stored
     */
    public List<Notification> record(StoredEvent event, List<String> rules, List<Notification> planned) {
        return record(event, rules, planned, planned.isEmpty() ? List.of() : store.notificationsOf(event.key()));
    }

    /**
     * @param existing the event's notifications stored before: a planned one is matched with them by person and
     *        channel, not only by id, since an event routed in part by an earlier version of Herald holds
     *        notifications under ids derived differently
     */
    private List<Notification> record(StoredEvent event, List<String> rules, List<Notification> planned,
            List<Notification> existing) {
        List<Notification> stored = new ArrayList<>(planned.size());
        for (Notification notification : planned) {
            stored.add(existing.stream().filter(notification::sameDelivery).findFirst()
                    .orElseGet(() -> store.insertNotification(notification) ? notification
                            : store.findNotification(notification.id()).orElse(notification)));
        }
        store.markRouted(event.key(), rules, clock.instant());
        audit.record(event.key(), routedStep(rules), AuditTrail.HERALD, routedDetail(rules, planned));
        wake(stored);
        return stored;
    }

    /**
     * Stores a new event, its notifications and the audit of both in one store write
     * ({@link Store#insertRoutedEvent}), then wakes dispatch for them. For events whose routing writes nothing
     * else (no task, no SLA clock).
     *
     * @param event the event as received
     * @param received the audit entry of its receipt
     * @return the event as routed, or empty if an event with its key was stored already (nothing is written)
     */
    public Optional<StoredEvent> recordArrival(StoredEvent event, AuditEntry received,
            List<String> rules, List<Notification> planned) {
        Instant routedAt = clock.instant();
        RoutedArrival arrival = new RoutedArrival(event, received, planned, rules, routedAt,
                audit.entry(event.key(), routedStep(rules), AuditTrail.HERALD, routedDetail(rules, planned)));
        if (!store.insertRoutedEvent(arrival)) {
            return Optional.empty();
        }
        wake(planned);
        return Optional.of(arrival.routedEvent());
    }

    private void wake(List<Notification> notifications) {
        for (Notification notification : notifications) {
            if (notification.status() == NotificationStatus.PENDING) {
                dispatch.send(notification.id(), Duration.ZERO);
            }
        }
    }

    private static String routedStep(List<String> rules) {
        return rules.isEmpty() ? "unrouted" : "routed";
    }

    private static String routedDetail(List<String> rules, List<Notification> planned) {
        return rules.isEmpty() ? "no rule matched"
                : "rules " + String.join(", ", rules) + "; " + planned.size() + " notification(s)";
    }
}
