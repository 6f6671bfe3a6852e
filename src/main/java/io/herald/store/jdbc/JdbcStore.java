package io.herald.store.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.AuditEntry;
import io.herald.domain.EventKey;
import io.herald.domain.EventStatus;
import io.herald.domain.Notification;
import io.herald.domain.NotificationStatus;
import io.herald.domain.StoredEvent;
import io.herald.store.RoutedArrival;
import io.herald.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link Store} on a relational database (PostgreSQL, or H2 in PostgreSQL mode) with the schema of
 * {@code db/migration}, which must be migrated before use.
 *
 * <p>Every operation is one prepared statement in autocommit mode, except {@link #insertRoutedEvent} and the
 * changes of notifications, which share one transaction with those of concurrent callers (group commit), and
 * {@link #updateNotification(Notification, AuditEntry)} writes its audit entry in the same transaction. Inserts rely on the primary key to refuse duplicates, updates on a version
 * condition. Instants are kept in UTC at microsecond precision; finer parts are
 * truncated. Thread-safe as long as the data source is.
 */
public final class JdbcStore implements Store {

    /**
     * The most arrivals (or changes of notifications) one transaction holds: enough to share a commit among all the
     * requests or queue workers a server runs at once, few enough that one transaction stays short.
     */
    static final int MAX_WRITES_PER_TRANSACTION = 64;

    /** The most arrivals (or changes) waiting for a transaction; more callers wait for room before queueing. */
    static final int MAX_WRITES_WAITING = 4 * MAX_WRITES_PER_TRANSACTION;

    /**
     * How long a transaction waits for more arrivals (or changes) while they come in a steady stream, unless
     * configured otherwise ({@code herald.store.group-commit.gather}): long enough that a stream of a few hundred
     * arrivals a second, not only one of thousands, shares its commits.
     */
    static final Duration GATHER = Duration.ofMillis(12);

    private final StatementRunner statements;
    private final EventTable events;
    private final GroupCommit<RoutedArrival, Boolean> arrivals;
    private final GroupCommit<NotificationUpdateWriter.Change, Optional<Notification>> notificationUpdates;

    public JdbcStore(DataSource dataSource, ObjectMapper mapper) {
        this(dataSource, mapper, GATHER);
    }

    /** @param gather how long a transaction waits for company while writes come in a steady stream; zero never */
    public JdbcStore(DataSource dataSource, ObjectMapper mapper, Duration gather) {
        this.statements = new StatementRunner(Objects.requireNonNull(dataSource, "dataSource"));
        this.events = new EventTable(new JsonColumns(Objects.requireNonNull(mapper, "mapper")));
        this.arrivals = new GroupCommit<>(RoutedArrivalWriter.OPERATION, MAX_WRITES_PER_TRANSACTION,
                MAX_WRITES_WAITING, gather, new RoutedArrivalWriter(statements, events));
        this.notificationUpdates = new GroupCommit<>(NotificationUpdateWriter.OPERATION,
                MAX_WRITES_PER_TRANSACTION, MAX_WRITES_WAITING, gather, new NotificationUpdateWriter(statements));
    }

    @Override
    public boolean insertEvent(StoredEvent event) {
        return statements.insertIfAbsent("insertEvent", EventTable.INSERT, s -> events.bindInsert(s, event));
    }

    /**
     * One transaction, so one commit (and on H2 one store of changed pages) for all of an arriving event's rows; and
     * arrivals written at the same time share it ({@link GroupCommit}): it returns once the transaction holding
     * the arrival has committed.
     */
    @Override
    public boolean insertRoutedEvent(RoutedArrival arrival) {
        return arrivals.submit(Objects.requireNonNull(arrival, "arrival"));
    }

    /** Arrivals waiting for the transaction that will hold them. */
    int arrivalsWaiting() {
        return arrivals.waiting();
    }

    /** Changes of notifications waiting for the transaction that will hold them. */
    int notificationChangesWaiting() {
        return notificationUpdates.waiting();
    }

    @Override
    public Optional<StoredEvent> findEvent(EventKey key) {
        return statements.one("findEvent", EventTable.FIND, s -> {
            s.setString(1, key.source());
            s.setString(2, key.id());
        }, events::read);
    }

    @Override
    public boolean markRouted(EventKey key, List<String> matchedRules, Instant at) {
        // The same outcome as StoredEvent#routed.
        return mark("markRouted", key, matchedRules.isEmpty() ? EventStatus.UNROUTED : EventStatus.ROUTED,
                matchedRules, at);
    }

    @Override
    public boolean markRoutingFailed(EventKey key, Instant at) {
        return mark("markRoutingFailed", key, EventStatus.FAILED, List.of(), at);
    }

    private boolean mark(String operation, EventKey key, EventStatus status, List<String> matchedRules, Instant at) {
        String rules = events.rulesJson(matchedRules);
        return statements.update(operation, EventTable.MARK_ROUTED, s -> {
            ColumnValues.setEnum(s, 1, status);
            s.setString(2, rules);
            ColumnValues.setInstant(s, 3, at);
            s.setString(4, key.source());
            s.setString(5, key.id());
        }) > 0;
    }

    @Override
    public List<StoredEvent> unroutedEvents(int limit) {
        QueryLimits.requirePositive(limit);
        return statements.list("unroutedEvents", EventTable.NEWEST_WITH_STATUS, s -> {
            ColumnValues.setEnum(s, 1, EventStatus.UNROUTED);
            s.setInt(2, limit);
        }, events::read);
    }

    @Override
    public List<StoredEvent> eventsWithStatus(EventStatus status, int limit) {
        QueryLimits.requirePositive(limit);
        return statements.list("eventsWithStatus", EventTable.NEWEST_WITH_STATUS, s -> {
            ColumnValues.setEnum(s, 1, status);
            s.setInt(2, limit);
        }, events::read);
    }

    @Override
    public List<StoredEvent> eventsAwaitingRouting(Instant before, int limit) {
        QueryLimits.requirePositive(limit);
        return statements.list("eventsAwaitingRouting", EventTable.OLDEST_WITH_STATUS_BEFORE, s -> {
            ColumnValues.setEnum(s, 1, EventStatus.RECEIVED);
            ColumnValues.setInstant(s, 2, before);
            s.setInt(3, limit);
        }, events::read);
    }

    @Override
    public boolean insertNotification(Notification notification) {
        return statements.insertIfAbsent("insertNotification", NotificationTable.INSERT,
                s -> NotificationTable.bindInsert(s, notification));
    }

    @Override
    public Optional<Notification> findNotification(String id) {
        return statements.one("findNotification", NotificationTable.FIND, s -> s.setString(1, id),
                NotificationTable::read);
    }

    @Override
    public List<Notification> notificationsOf(EventKey event) {
        return statements.list("notificationsOf", NotificationTable.OF_EVENT, s -> {
            s.setString(1, event.source());
            s.setString(2, event.id());
        }, NotificationTable::read);
    }

    /** Changes made at the same time share one transaction ({@link GroupCommit}), as arrivals do. */
    @Override
    public Optional<Notification> updateNotification(Notification updated) {
        return notificationUpdates.submit(new NotificationUpdateWriter.Change(
                Objects.requireNonNull(updated, "updated"), null));
    }

    /**
     * One transaction, so one commit for the change and the audit entry that records it, shared with the changes
     * made at the same time.
     */
    @Override
    public Optional<Notification> updateNotification(Notification updated, AuditEntry entry) {
        return notificationUpdates.submit(new NotificationUpdateWriter.Change(
                Objects.requireNonNull(updated, "updated"), Objects.requireNonNull(entry, "entry")));
    }

    @Override
    public List<Notification> dueNotifications(Instant now, int limit) {
        QueryLimits.requirePositive(limit);
        return statements.list("dueNotifications", NotificationTable.DUE.sql(),
                s -> NotificationTable.DUE.bind(s, now, limit), NotificationTable::read);
    }

    @Override
    public List<Notification> awaitingDeliveryStatus(Instant sentBefore, int limit) {
        QueryLimits.requirePositive(limit);
        return statements.list("awaitingDeliveryStatus", NotificationTable.OLDEST_WITH_STATUS_UPDATED_BEFORE, s -> {
            ColumnValues.setEnum(s, 1, NotificationStatus.SENT);
            ColumnValues.setInstant(s, 2, sentBefore);
            s.setInt(3, limit);
        }, NotificationTable::read);
    }

    @Override
    public List<Notification> deadNotifications(int limit) {
        QueryLimits.requirePositive(limit);
        return statements.list("deadNotifications", NotificationTable.NEWEST_WITH_STATUS_UPDATED, s -> {
            ColumnValues.setEnum(s, 1, NotificationStatus.DEAD);
            s.setInt(2, limit);
        }, NotificationTable::read);
    }

    @Override
    public void appendAudit(AuditEntry entry) {
        // An entry already stored under this id was appended by an earlier run of the same step.
        statements.insertIfAbsent("appendAudit", AuditTable.INSERT, s -> AuditTable.bindInsert(s, entry));
    }

    @Override
    public List<AuditEntry> auditOf(EventKey event) {
        return statements.list("auditOf", AuditTable.OF_EVENT, s -> {
            s.setString(1, event.source());
            s.setString(2, event.id());
        }, AuditTable::read);
    }
}
