package io.herald.store.jdbc;

import static io.herald.store.jdbc.ColumnValues.getEnum;
import static io.herald.store.jdbc.ColumnValues.getInstant;
import static io.herald.store.jdbc.ColumnValues.setEnum;
import static io.herald.store.jdbc.ColumnValues.setInstant;

import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The statements on table {@code write_backs} and the mapping between its rows and {@link WriteBack}. */
final class WriteBackTable {

    /** Every column but id and version, in the order {@link #bindState} binds them. */
    private static final String STATE_COLUMNS = "task_id, event_source, event_id, " + EntityColumns.NAMES
            + ", kind, action, actor, comment, occurred_at, status, attempts, next_attempt_at, last_error, "
            + "created_at, updated_at, alert_owed";

    private static final String COLUMNS = "id, " + STATE_COLUMNS + ", version";

    static final String INSERT = "INSERT INTO write_backs (" + COLUMNS + ") VALUES (?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String FIND = "SELECT " + COLUMNS + " FROM write_backs WHERE id = ?";

    static final String UPDATE = "UPDATE write_backs SET "
            + STATE_COLUMNS.replace(",", " = ?,") + " = ?, version = version + 1 WHERE id = ? AND version = ?";

    /*
     * Every ORDER BY below names the index's columns from the first one, although the equality columns are fixed:
     * only then does H2 read rows in index order instead of sorting every match. PostgreSQL does either way.
     */

    /**
     * Parameters: entity key, status, limit, entity key, other status, limit, limit. Each branch is one range of
     * index {@code write_backs_by_entity} already in order, so the database merges at most twice the limit
     * instead of sorting every open write-back of the entity (an IN over both statuses would).
     */
    static final String OF_ENTITY_IN_EITHER_STATUS = "SELECT " + COLUMNS + " FROM ("
            + "(SELECT " + COLUMNS + " FROM write_backs WHERE entity_key = ? AND status = ?"
            + " ORDER BY entity_key, status, created_at, id LIMIT ?)"
            + " UNION ALL "
            + "(SELECT " + COLUMNS + " FROM write_backs WHERE entity_key = ? AND status = ?"
            + " ORDER BY entity_key, status, created_at, id LIMIT ?)"
            + ") unfinished ORDER BY created_at, id LIMIT ?";

    /** Index {@code write_backs_due}; see {@link DueRows}. */
    static final DueRows DUE = new DueRows("write_backs", COLUMNS, "PENDING", "SENDING", "DEAD");

    /** Parameters: task id. Index {@code write_backs_by_task}. */
    static final String OF_TASK = "SELECT " + COLUMNS + " FROM write_backs WHERE task_id = ?"
            + " ORDER BY task_id, created_at, id";

    /** Parameters: status, limit. Index {@code write_backs_by_update} read backwards. */
    static final String NEWEST_WITH_STATUS_UPDATED = "SELECT " + COLUMNS
            + " FROM write_backs WHERE status = ? ORDER BY status DESC, updated_at DESC LIMIT ?";

    private WriteBackTable() {
    }

    static void bindInsert(PreparedStatement statement, WriteBack writeBack) throws SQLException {
        statement.setString(1, writeBack.id());
        int next = bindState(statement, 2, writeBack);
        statement.setLong(next, writeBack.version());
    }

    /** Binds the new state, then the id and the version the caller read. */
    static void bindUpdate(PreparedStatement statement, WriteBack writeBack) throws SQLException {
        int next = bindState(statement, 1, writeBack);
        statement.setString(next, writeBack.id());
        statement.setLong(next + 1, writeBack.version());
    }

    /** @return the next free parameter index */
    private static int bindState(PreparedStatement statement, int first, WriteBack w) throws SQLException {
        int i = first;
        statement.setString(i++, w.taskId());
        statement.setString(i++, w.eventSource());
        statement.setString(i++, w.eventId());
        i = EntityColumns.bind(statement, i, w.entity());
        statement.setString(i++, w.kind());
        statement.setString(i++, w.action());
        statement.setString(i++, w.actor());
        statement.setString(i++, w.comment());
        setInstant(statement, i++, w.occurredAt());
        setEnum(statement, i++, w.status());
        statement.setInt(i++, w.attempts());
        setInstant(statement, i++, w.nextAttemptAt());
        statement.setString(i++, w.lastError());
        setInstant(statement, i++, w.createdAt());
        setInstant(statement, i++, w.updatedAt());
        statement.setString(i++, w.alertOwed());
        return i;
    }

    static WriteBack read(ResultSet row) throws SQLException {
        return new WriteBack(
                row.getString("id"),
                row.getString("task_id"),
                row.getString("event_source"),
                row.getString("event_id"),
                EntityColumns.read(row),
                row.getString("kind"),
                row.getString("action"),
                row.getString("actor"),
                row.getString("comment"),
                getInstant(row, "occurred_at"),
                getEnum(row, "status", WriteBackStatus.class),
                row.getInt("attempts"),
                getInstant(row, "next_attempt_at"),
                row.getString("last_error"),
                getInstant(row, "created_at"),
                getInstant(row, "updated_at"),
                row.getLong("version"),
                row.getString("alert_owed"));
    }

    /** The copy the store holds after a successful update: the caller's state with the next version. */
    static WriteBack stored(WriteBack w) {
        return new WriteBack(w.id(), w.taskId(), w.eventSource(), w.eventId(), w.entity(), w.kind(), w.action(),
                w.actor(), w.comment(), ColumnValues.stored(w.occurredAt()), w.status(), w.attempts(),
                ColumnValues.stored(w.nextAttemptAt()), w.lastError(), ColumnValues.stored(w.createdAt()),
                ColumnValues.stored(w.updatedAt()), w.version() + 1, w.alertOwed());
    }
}
