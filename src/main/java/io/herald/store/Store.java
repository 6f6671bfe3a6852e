package io.herald.store;

import io.herald.domain.AuditEntry;
import io.herald.domain.EventKey;
import io.herald.domain.EventStatus;
import io.herald.domain.Notification;
import io.herald.domain.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Herald's durable memory: events, notifications and the audit trail.
 *
 * <p>Every write touches a single item and is either an insert-if-absent or an update conditional on the
 * version the caller read. No operation needs a multi-item transaction, so a key-value store can implement
 * it; callers make each step idempotent and repair a crash between two writes by repeating the step. The writes
 * of several items, {@link #insertRoutedEvent} and {@link #updateNotification(Notification, AuditEntry)}, have
 * defaults made of single-item writes in such an order; a store with transactions does each in one.
 *
 * <p>When a method returns, the write is durable. Implementations are thread-safe.
 */
public interface Store {

    /**
     * Stores a new event.
     *
     * @return {@code true} if stored, {@code false} if an event with the same (source, id) already exists
     *         (the stored one is left untouched)
     */
    boolean insertEvent(StoredEvent event);

    Optional<StoredEvent> findEvent(EventKey key);

    /**
     * Stores a new event with its routing outcome, its notifications and its two audit entries (received,
     * routed), as {@link #insertEvent}, {@link #appendAudit}, {@link #insertNotification} for each notification,
     * {@link #markRouted} and {@link #appendAudit} would one after the other. When it returns {@code true}, all of
     * it is durable.
     *
     * <p>The default does exactly those writes in that order: a crash part-way leaves the event
     * {@link io.herald.domain.EventStatus#RECEIVED}, where routing it again completes it. A store with
     * transactions overrides it to write everything in one, all or nothing, and may put the arrivals of concurrent
     * callers in one transaction with one commit; each caller is still answered only once the transaction holding
     * its arrival has committed, with its own answer, and one arrival's failure (a value the store refuses) fails no
     * other.
     *
     * @return {@code true} if stored; {@code false} if an event with the same (source, id) already exists, in
     *         which case nothing is written
     */
    default boolean insertRoutedEvent(RoutedArrival arrival) {
        StoredEvent event = arrival.event();
        if (!insertEvent(event)) {
            return false;
        }
        appendAudit(arrival.received());
        for (Notification notification : arrival.notifications()) {
            // Notification ids derive from the event's key and the event is new, so none of them is stored yet.
            insertNotification(notification);
        }
        markRouted(event.key(), arrival.matchedRules(), arrival.routedAt());
        appendAudit(arrival.routed());
        return true;
    }

    /**
     * Records the routing outcome ({@link StoredEvent#routed}). Repeating it with the same outcome is harmless.
     *
     * @return {@code false} if the event does not exist
     */
    boolean markRouted(EventKey key, List<String> matchedRules, Instant at);

    /**
     * Records that routing the event was given up ({@link StoredEvent#routingFailed}): it leaves the events awaiting
     * routing. Repeating it is harmless.
     *
     * @return {@code false} if the event does not exist
     */
    boolean markRoutingFailed(EventKey key, Instant at);

    /** Events no rule matched, newest first. */
    List<StoredEvent> unroutedEvents(int limit);

    /**
     * Events in one status, most recently received first, at most {@code limit} of them: what an operator looks at
     * first. Served by the same index as {@link #unroutedEvents}, so its cost follows the limit.
     */
    List<StoredEvent> eventsWithStatus(EventStatus status, int limit);

    /** Events stored but not yet routed, received before {@code before}, oldest first (re-drive after a crash). */
    List<StoredEvent> eventsAwaitingRouting(Instant before, int limit);

    /**
     * Stores a new notification.
     *
     * @return {@code true} if stored, {@code false} if one with the same id exists (left untouched)
     */
    boolean insertNotification(Notification notification);

    Optional<Notification> findNotification(String id);

    /** The notifications of one event, oldest first. */
    List<Notification> notificationsOf(EventKey event);

    /**
     * The notification stored for the same event, person and channel as {@code planned}: the one with its id, else
     * one under an id an earlier version of Herald derived (which {@link #notificationsOf} may list only after a
     * moment on a store whose indexes follow its writes).
     */
    default Optional<Notification> storedDelivery(Notification planned) {
        return findNotification(planned.id()).or(() -> notificationsOf(planned.eventKey()).stream()
                .filter(planned::sameDelivery).findFirst());
    }

    /**
     * Replaces a notification if its stored version is still {@code updated.version()}; the stored copy then
     * carries version + 1.
     *
     * @return the stored notification, or empty if someone else changed it first (or it does not exist)
     */
    Optional<Notification> updateNotification(Notification updated);

    /**
     * Replaces a notification as {@link #updateNotification(Notification)} does and, only when it was replaced,
     * appends {@code entry} (the step just taken, such as "sent") to the audit trail as {@link #appendAudit} does.
     * When it returns the stored copy, both writes are durable; when it returns empty, neither was made.
     *
     * <p>The default does the two writes one after the other: a crash in between leaves the notification changed
     * without its entry, as two separate calls would. A store with transactions overrides it to write both in one.
     *
     * @return the stored notification, or empty if someone else changed it first (or it does not exist)
     */
    default Optional<Notification> updateNotification(Notification updated, AuditEntry entry) {
        Optional<Notification> stored = updateNotification(updated);
        stored.ifPresent(changed -> appendAudit(entry));
        return stored;
    }

    /**
     * Notifications with work due by {@code now}, that is whose {@code nextAttemptAt} is at or before {@code now}:
     * PENDING whose next attempt is due, SENDING whose lease has expired, and DEAD or FAILED ones that still owe
     * their alert (a finished notification keeps a {@code nextAttemptAt} only while it owes one). Oldest due first.
     */
    List<Notification> dueNotifications(Instant now, int limit);

    /**
     * Notifications accepted by the provider whose delivery outcome is not yet known (SENT) and whose last update
     * ({@link Notification#updatedAt}) is before {@code sentBefore}; least recently updated first.
     */
    List<Notification> awaitingDeliveryStatus(Instant sentBefore, int limit);

    /**
     * DEAD notifications, most recently changed ({@link Notification#updatedAt}) first, at most {@code limit}: the
     * ones an operator may send again. Served by an index, so the cost follows the limit, not the number stored.
     */
    List<Notification> deadNotifications(int limit);

    /** Appends to the audit trail. An entry whose id is stored already is left as it is (the step was repeated). */
    void appendAudit(AuditEntry entry);

    /** The audit trail of one event, in time order. */
    List<AuditEntry> auditOf(EventKey event);
}
