package io.herald.store.jdbc;

import static io.herald.store.jdbc.ColumnValues.getEnum;
import static io.herald.store.jdbc.ColumnValues.getInstant;
import static io.herald.store.jdbc.ColumnValues.setEnum;
import static io.herald.store.jdbc.ColumnValues.setInstant;

import io.herald.domain.Channel;
import io.herald.domain.Notification;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.Priority;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The statements on table {@code notifications} and the mapping between its rows and {@link Notification}. */
final class NotificationTable {

    /** Every column but id and version, in the order {@link #bindState} binds them. */
    private static final String STATE_COLUMNS = "event_source, event_id, kind, rule, template, recipient, channel, "
            + "address, locale, time_zone, priority, status, attempts, next_attempt_at, job_id, delivery_state, "
            + "last_error, created_at, updated_at, alert_owed";

    private static final String COLUMNS = "id, " + STATE_COLUMNS + ", version";

    static final String INSERT = "INSERT INTO notifications (" + COLUMNS + ") VALUES (?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String FIND = "SELECT " + COLUMNS + " FROM notifications WHERE id = ?";

    /*
     * Every ORDER BY below names the index's columns from the first one, although the equality columns are fixed:
     * only then does H2 read rows in index order instead of sorting every match. PostgreSQL does either way.
     */

    /** Index {@code notifications_by_event}. */
    static final String OF_EVENT = "SELECT " + COLUMNS + " FROM notifications WHERE event_source = ? AND event_id = ?"
            + " ORDER BY event_source, event_id, created_at, id";

    static final String UPDATE = "UPDATE notifications SET "
            + STATE_COLUMNS.replace(",", " = ?,") + " = ?, version = version + 1 WHERE id = ? AND version = ?";

    /** Index {@code notifications_due}; see {@link DueRows}. */
    static final DueRows DUE = new DueRows("notifications", COLUMNS, "PENDING", "SENDING", "DEAD",
            "FAILED");

    /** Parameters: status, updated before, limit. Index {@code notifications_by_update}. */
    static final String OLDEST_WITH_STATUS_UPDATED_BEFORE = "SELECT " + COLUMNS
            + " FROM notifications WHERE status = ? AND updated_at < ? ORDER BY status, updated_at LIMIT ?";

    /** Parameters: status, limit. Index {@code notifications_by_update} read backwards. */
    static final String NEWEST_WITH_STATUS_UPDATED = "SELECT " + COLUMNS
            + " FROM notifications WHERE status = ? ORDER BY status DESC, updated_at DESC LIMIT ?";

    private NotificationTable() {
    }

    static void bindInsert(PreparedStatement statement, Notification notification) throws SQLException {
        statement.setString(1, notification.id());
        int next = bindState(statement, 2, notification);
        statement.setLong(next, notification.version());
    }

    /** Binds the new state, then the id and the version the caller read. */
    static void bindUpdate(PreparedStatement statement, Notification notification) throws SQLException {
        int next = bindState(statement, 1, notification);
        statement.setString(next, notification.id());
        statement.setLong(next + 1, notification.version());
    }

    /** @return the next free parameter index */
    private static int bindState(PreparedStatement statement, int first, Notification n) throws SQLException {
        int i = first;
        statement.setString(i++, n.eventSource());
        statement.setString(i++, n.eventId());
        setEnum(statement, i++, n.kind());
        statement.setString(i++, n.rule());
        statement.setString(i++, n.template());
        statement.setString(i++, n.recipient());
        setEnum(statement, i++, n.channel());
        statement.setString(i++, n.address());
        statement.setString(i++, n.locale());
        statement.setString(i++, n.timeZone());
        setEnum(statement, i++, n.priority());
        setEnum(statement, i++, n.status());
        statement.setInt(i++, n.attempts());
        setInstant(statement, i++, n.nextAttemptAt());
        statement.setString(i++, n.jobId());
        statement.setString(i++, n.deliveryState());
        statement.setString(i++, n.lastError());
        setInstant(statement, i++, n.createdAt());
        setInstant(statement, i++, n.updatedAt());
        statement.setString(i++, n.alertOwed());
        return i;
    }

    static Notification read(ResultSet row) throws SQLException {
        return new Notification(
                row.getString("id"),
                row.getString("event_source"),
                row.getString("event_id"),
                getEnum(row, "kind", NotificationKind.class),
                row.getString("rule"),
                row.getString("template"),
                row.getString("recipient"),
                getEnum(row, "channel", Channel.class),
                row.getString("address"),
                row.getString("locale"),
                row.getString("time_zone"),
                getEnum(row, "priority", Priority.class),
                getEnum(row, "status", NotificationStatus.class),
                row.getInt("attempts"),
                getInstant(row, "next_attempt_at"),
                row.getString("job_id"),
                row.getString("delivery_state"),
                row.getString("last_error"),
                getInstant(row, "created_at"),
                getInstant(row, "updated_at"),
                row.getLong("version"),
                row.getString("alert_owed"));
    }

    /** The copy the store holds after a successful update: the caller's state with the next version. */
    static Notification stored(Notification n) {
        return new Notification(n.id(), n.eventSource(), n.eventId(), n.kind(), n.rule(), n.template(),
                n.recipient(), n.channel(), n.address(), n.locale(), n.timeZone(), n.priority(), n.status(),
                n.attempts(), ColumnValues.stored(n.nextAttemptAt()), n.jobId(), n.deliveryState(), n.lastError(),
                ColumnValues.stored(n.createdAt()), ColumnValues.stored(n.updatedAt()), n.version() + 1, n.alertOwed());
    }
}
