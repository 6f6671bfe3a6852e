package io.herald.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The query behind {@code dueNotifications} and {@code dueWriteBacks}: rows PENDING or SENDING whose next attempt
 * or lease end has come, and finished rows still owing their alert (a finished row keeps a next attempt time only
 * while it owes one). Each status is one range of the table's
 * {@code (status, next_attempt_at)} index, already in due order, so the database merges a few times the limit
 * instead of sorting every due row (an OR or IN over the statuses would sort the whole backlog).
 */
final class DueRows {

    private final String sql;
    private final int branches;

    /** @param statuses the statuses whose rows are due by their {@code next_attempt_at} */
    DueRows(String table, String columns, String... statuses) {
        String branch = "(SELECT " + columns + " FROM " + table + " WHERE status = '%s' AND next_attempt_at <= ?"
                + " ORDER BY status, next_attempt_at LIMIT ?)";
        List<String> selects = new ArrayList<>();
        for (String status : statuses) {
            selects.add(branch.formatted(status));
        }
        this.sql = "SELECT " + columns + " FROM (" + String.join(" UNION ALL ", selects)
                + ") due ORDER BY next_attempt_at LIMIT ?";
        this.branches = selects.size();
    }

    /** Parameters, bound by {@link #bind}: due by and limit for each status, then the limit. */
    String sql() {
        return sql;
    }

    void bind(PreparedStatement statement, Instant dueBy, int limit) throws SQLException {
        int i = 1;
        for (int branch = 0; branch < branches; branch++) {
            ColumnValues.setInstant(statement, i++, dueBy);
            statement.setInt(i++, limit);
        }
        statement.setInt(i, limit);
    }
}
