package io.herald.store.jdbc;

import io.herald.domain.Decision;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The statements on table {@code token_uses}: which decision each used action link made, on which task. */
final class TokenUseTable {

    static final String INSERT = "INSERT INTO token_uses (token_id, task_id, " + DecisionColumns.NAMES
            + ") VALUES (?, ?, ?, ?, ?, ?, ?)";

    static final String FIND = "SELECT " + DecisionColumns.NAMES + " FROM token_uses WHERE token_id = ?";

    private TokenUseTable() {
    }

    static void bindInsert(PreparedStatement statement, String tokenId, String taskId, Decision decision)
            throws SQLException {
        statement.setString(1, tokenId);
        statement.setString(2, taskId);
        DecisionColumns.bind(statement, 3, decision);
    }
}
