package io.herald.store.dynamodb;

import io.herald.domain.AuditEntry;
import io.herald.domain.EventKey;
import io.herald.domain.EventStatus;
import io.herald.domain.Notification;
import io.herald.domain.StoredEvent;
import io.herald.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link Store} on three DynamoDB tables laid out by {@link DynamoDbSchema}, which must exist before use.
 *
 * <p>Every write is one single-item request: inserts are conditional on the key being absent, notification
 * updates on the version read, so no operation needs a transaction. Finds read the table strongly consistently;
 * the lists read global secondary indexes, which are eventually consistent, so a write may take a moment
 * (typically well under a second) to appear in them. Instants are kept as epoch microseconds, finer parts
 * truncated. Every write stamps the item's time to live ({@code expires_at}) at the retention from now.
 * Thread-safe, as the SDK client is.
 */
public final class DynamoDbStore implements Store {

    private final EventTable events;
    private final NotificationTable notifications;
    private final AuditTable audit;

    /**
     * @param retention how long an item is kept after its last write
     * @param clock tells the time of a write, for the time to live
     */
    public DynamoDbStore(DynamoDbClient client, DynamoDbTables tables, Duration retention, Clock clock) {
        GuardedDynamoDbClient calls = new GuardedDynamoDbClient(Objects.requireNonNull(client, "client"));
        Retention expiry = new Retention(Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(retention, "retention"));
        this.events = new EventTable(calls, tables.events(), expiry);
        this.notifications = new NotificationTable(calls, tables.notifications(), expiry);
        this.audit = new AuditTable(calls, tables.audit(), expiry);
    }

    @Override
    public boolean insertEvent(StoredEvent event) {
        return events.insert(event);
    }

    @Override
    public Optional<StoredEvent> findEvent(EventKey key) {
        return events.find(key);
    }

    @Override
    public boolean markRouted(EventKey key, List<String> matchedRules, Instant at) {
        return events.mark("markRouted", key, matchedRules.isEmpty() ? EventStatus.UNROUTED : EventStatus.ROUTED,
                matchedRules, at);
    }

    @Override
    public boolean markRoutingFailed(EventKey key, Instant at) {
        return events.mark("markRoutingFailed", key, EventStatus.FAILED, List.of(), at);
    }

    @Override
    public List<StoredEvent> unroutedEvents(int limit) {
        return events.unrouted(requirePositive(limit));
    }

    @Override
    public List<StoredEvent> eventsWithStatus(EventStatus status, int limit) {
        return events.newestWithStatus("eventsWithStatus", status, requirePositive(limit));
    }

    @Override
    public List<StoredEvent> eventsAwaitingRouting(Instant before, int limit) {
        return events.awaitingRouting(before, requirePositive(limit));
    }

    @Override
    public boolean insertNotification(Notification notification) {
        return notifications.insert(notification);
    }

    @Override
    public Optional<Notification> findNotification(String id) {
        return notifications.find(id);
    }

    @Override
    public List<Notification> notificationsOf(EventKey event) {
        return notifications.of(event);
    }

    @Override
    public Optional<Notification> updateNotification(Notification updated) {
        return notifications.update(updated);
    }

    @Override
    public List<Notification> dueNotifications(Instant now, int limit) {
        return notifications.due(now, requirePositive(limit));
    }

    @Override
    public List<Notification> awaitingDeliveryStatus(Instant sentBefore, int limit) {
        return notifications.awaitingDeliveryStatus(sentBefore, requirePositive(limit));
    }

    @Override
    public List<Notification> deadNotifications(int limit) {
        return notifications.dead(requirePositive(limit));
    }

    @Override
    public void appendAudit(AuditEntry entry) {
        audit.append(entry);
    }

    @Override
    public List<AuditEntry> auditOf(EventKey event) {
        return audit.of(event);
    }

    /** DynamoDB refuses a Limit below one with a validation error; this names the actual mistake. */
    private static int requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return limit;
    }
}
