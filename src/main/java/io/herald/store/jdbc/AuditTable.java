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

    /** Parameters: those {@link #bindInsert} binds. */
    static final String INSERT = "INSERT INTO audit_entries (" + COLUMNS + ", event_received_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, " + EventReceipt.OF_EVENT + ")";

    /**
     * Inserts nothing when the event has an entry of this id already, without the unique violation that would end
     * a PostgreSQL transaction. Parameters: those {@link #bindInsertIfAbsent} binds.
     */
    static final String INSERT_IF_ABSENT = "INSERT INTO audit_entries (" + COLUMNS + ", event_received_at)"
            + " SELECT ?, ?, ?, ?, ?, ?, ?, " + EventReceipt.OF_EVENT
            + " WHERE NOT EXISTS (SELECT 1 FROM audit_entries WHERE " + EventReceipt.KEY_CONDITION + " AND id = ?)";

    /**
     * The event's entries by the primary key (the event's receipt time, source and id, then the entry's id), sorted
     * into time order: they are one event's, so there are few of them to sort. Parameters: those
     * {@link EventReceipt#bindKeyCondition} binds.
     */
    static final String OF_EVENT = "SELECT " + COLUMNS + " FROM audit_entries WHERE " + EventReceipt.KEY_CONDITION
            + " ORDER BY happened_at, id";

    private AuditTable() {
    }

    static void bindInsert(PreparedStatement statement, AuditEntry entry) throws SQLException {
        bindColumns(statement, entry);
        EventReceipt.bind(statement, 8, entry.eventSource(), entry.eventId());
    }

    static void bindInsertIfAbsent(PreparedStatement statement, AuditEntry entry) throws SQLException {
        bindColumns(statement, entry);
        int next = EventReceipt.bind(statement, 8, entry.eventSource(), entry.eventId());
        next = EventReceipt.bindKeyCondition(statement, next, entry.eventSource(), entry.eventId());
        statement.setString(next, entry.id());
    }

    private static void bindColumns(PreparedStatement statement, AuditEntry entry) throws SQLException {
        statement.setString(1, entry.id());
        statement.setString(2, entry.eventSource());
        statement.setString(3, entry.eventId());
        setInstant(statement, 4, entry.at());
        statement.setString(5, entry.step());
        statement.setString(6, entry.actor());
        statement.setString(7, entry.detail());
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
