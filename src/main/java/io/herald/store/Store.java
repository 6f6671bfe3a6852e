package io.herald.store;

import io.herald.domain.AuditEntry;
import io.herald.domain.EventKey;
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
 * it; callers make each step idempotent and repair a crash between two writes by repeating the step.
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
     * Replaces a notification if its stored version is still {@code updated.version()}; the stored copy then
     * carries version + 1.
     *
     * @return the stored notification, or empty if someone else changed it first (or it does not exist)
     */
    Optional<Notification> updateNotification(Notification updated);

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

    /** Appends to the audit trail. An entry whose id is stored already is left as it is (the step was repeated). */
    void appendAudit(AuditEntry entry);

    /** The audit trail of one event, in time order. */
    List<AuditEntry> auditOf(EventKey event);
}
