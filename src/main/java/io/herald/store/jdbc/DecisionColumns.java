package io.herald.store.jdbc;

import static io.herald.store.jdbc.ColumnValues.getInstant;
import static io.herald.store.jdbc.ColumnValues.setInstant;

import io.herald.domain.Decision;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Keeps a {@link Decision}, or its absence, in the columns {@link #NAMES}, named alike in every table. */
final class DecisionColumns {

    static final String NAMES = "decision_action, decision_actor, decision_comment, decided_at, decision_token_id";

    private DecisionColumns() {
    }

    /** @return the next free parameter index */
    static int bind(PreparedStatement statement, int first, Decision decision) throws SQLException {
        statement.setString(first, decision == null ? null : decision.action());
        statement.setString(first + 1, decision == null ? null : decision.actor());
        statement.setString(first + 2, decision == null ? null : decision.comment());
        setInstant(statement, first + 3, decision == null ? null : decision.at());
        statement.setString(first + 4, decision == null ? null : decision.tokenId());
        return first + 5;
    }

    /** @return null when every column is null: a decision with no field set is stored as no decision */
    static Decision read(ResultSet row) throws SQLException {
        Decision decision = new Decision(
                row.getString("decision_action"),
                row.getString("decision_actor"),
                row.getString("decision_comment"),
                getInstant(row, "decided_at"),
                row.getString("decision_token_id"));
        return decision.equals(new Decision(null, null, null, null, null)) ? null : decision;
    }

    /** The decision as the database keeps it. */
    static Decision stored(Decision decision) {
        return decision == null ? null : new Decision(decision.action(), decision.actor(), decision.comment(),
                ColumnValues.stored(decision.at()), decision.tokenId());
    }
}
