package io.herald.store.jdbc;

import static io.herald.store.jdbc.ColumnValues.getInstant;
import static io.herald.store.jdbc.ColumnValues.setInstant;

import io.herald.domain.AuditEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The statements on table {@code audit_entries} and the mapping between its rows and {@link AuditEntry}. */
final class AuditTable {

    private static final String COLUMNS = "id, event_source, event_id, happened_at, step, actor, detail";

    static final String INSERT = "INSERT INTO audit_entries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";

    /**
     * Inserts nothing when the event has an entry of this id already, without the unique violation that would end
     * a PostgreSQL transaction. Parameters: those of {@link #INSERT}, then the event's source and id and the
     * entry's id again.
     */
    static final String INSERT_IF_ABSENT = "INSERT INTO audit_entries (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?"
            + " WHERE NOT EXISTS (SELECT 1 FROM audit_entries WHERE event_source = ? AND event_id = ? AND id = ?)";

    /**
     * The event's entries by the primary key (event, then entry id), sorted into time order: they are one event's,
     * so there are few of them to sort.
     */
    static final String OF_EVENT = "SELECT " + COLUMNS + " FROM audit_entries WHERE event_source = ? AND event_id = ?"
            + " ORDER BY happened_at, id";

    private AuditTable() {
    }

    static void bindInsert(PreparedStatement statement, AuditEntry entry) throws SQLException {
        statement.setString(1, entry.id());
        statement.setString(2, entry.eventSource());
        statement.setString(3, entry.eventId());
        setInstant(statement, 4, entry.at());
        statement.setString(5, entry.step());
        statement.setString(6, entry.actor());
        statement.setString(7, entry.detail());
    }

    static void bindInsertIfAbsent(PreparedStatement statement, AuditEntry entry) throws SQLException {
        bindInsert(statement, entry);
        statement.setString(8, entry.eventSource());
        statement.setString(9, entry.eventId());
        statement.setString(10, entry.id());
    }

    static AuditEntry read(ResultSet row) throws SQLException {
        return new AuditEntry(
                row.getString("id"),
                row.getString("event_source"),
                row.getString("event_id"),
                getInstant(row, "happened_at"),
                row.getString("step"),
                row.getString("actor"),
                row.getString("detail"));
    }
}
