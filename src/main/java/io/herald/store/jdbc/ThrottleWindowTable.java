package io.herald.store.jdbc;

import io.herald.domain.ThrottleWindow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The statements on table {@code throttle_windows} and the mapping between its rows and {@link ThrottleWindow}. */
final class ThrottleWindowTable {

    static final String INSERT = "INSERT INTO throttle_windows (id, started_at, sent, version) VALUES (?, ?, ?, ?)";

    static final String FIND = "SELECT id, started_at, sent, version FROM throttle_windows WHERE id = ?";

    static final String UPDATE = "UPDATE throttle_windows SET started_at = ?, sent = ?, version = version + 1"
            + " WHERE id = ? AND version = ?";

    private ThrottleWindowTable() {
    }

    static void bindInsert(PreparedStatement statement, ThrottleWindow window) throws SQLException {
        statement.setString(1, window.id());
        ColumnValues.setInstant(statement, 2, window.startedAt());
        statement.setLong(3, window.sent());
        statement.setLong(4, window.version());
    }

    static void bindUpdate(PreparedStatement statement, ThrottleWindow window) throws SQLException {
        ColumnValues.setInstant(statement, 1, window.startedAt());
        statement.setLong(2, window.sent());
        statement.setString(3, window.id());
        statement.setLong(4, window.version());
    }

    static ThrottleWindow read(ResultSet row) throws SQLException {
        return new ThrottleWindow(row.getString("id"), ColumnValues.getInstant(row, "started_at"),
                row.getLong("sent"), row.getLong("version"));
    }

    static ThrottleWindow stored(ThrottleWindow w) {
        return new ThrottleWindow(w.id(), ColumnValues.stored(w.startedAt()), w.sent(), w.version() + 1);
    }
}
