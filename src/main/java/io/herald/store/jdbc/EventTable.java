package io.herald.store.jdbc;

import static io.herald.store.jdbc.ColumnValues.getEnum;
import static io.herald.store.jdbc.ColumnValues.getInstant;
import static io.herald.store.jdbc.ColumnValues.setEnum;
import static io.herald.store.jdbc.ColumnValues.setInstant;

import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The statements on table {@code events} and the mapping between its rows and {@link StoredEvent}. */
final class EventTable {

    private static final String COLUMNS = "source, id, type, subject, event_time, received_at, attributes, "
            + "data_content_type, data, status, matched_rules, routed_at";

    static final String INSERT = "INSERT INTO events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Inserts unless an event with the key exists (update count 0), without failing the transaction, so that one
     * duplicate in a batch leaves the others' inserts standing. PostgreSQL's syntax, which H2 takes in its
     * PostgreSQL mode.
     */
    static final String INSERT_IF_ABSENT = INSERT + " ON CONFLICT DO NOTHING";

    static final String FIND = "SELECT " + COLUMNS + " FROM events WHERE source = ? AND id = ?";

    static final String MARK_ROUTED =
            "UPDATE events SET status = ?, matched_rules = ?, routed_at = ? WHERE source = ? AND id = ?";

    /*
     * Every ORDER BY below names the index's columns from the first one, although the equality columns are fixed:
     * only then does H2 read rows in index order instead of sorting every match. PostgreSQL does either way.
     */

    /** Parameters: status, limit. Index {@code events_by_status} read backwards. */
    static final String NEWEST_WITH_STATUS = "SELECT " + COLUMNS
            + " FROM events WHERE status = ? ORDER BY status DESC, received_at DESC LIMIT ?";

    /** Parameters: status, received before, limit. Index {@code events_by_status}. */
    static final String OLDEST_WITH_STATUS_BEFORE = "SELECT " + COLUMNS
            + " FROM events WHERE status = ? AND received_at < ? ORDER BY status, received_at LIMIT ?";

    private final JsonColumns json;

    EventTable(JsonColumns json) {
        this.json = json;
    }

    void bindInsert(PreparedStatement statement, StoredEvent event) throws SQLException {
        statement.setString(1, event.source());
        statement.setString(2, event.id());
        statement.setString(3, event.type());
        statement.setString(4, event.subject());
        setInstant(statement, 5, event.time());
        setInstant(statement, 6, event.receivedAt());
        statement.setString(7, json.write("event attributes", event.attributes()));
        statement.setString(8, event.dataContentType());
        statement.setString(9, event.data());
        setEnum(statement, 10, event.status());
        statement.setString(11, json.write("matched rules", event.matchedRules()));
        setInstant(statement, 12, event.routedAt());
    }

    String rulesJson(List<String> matchedRules) {
        return json.write("matched rules", matchedRules);
    }

    StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(
                row.getString("source"),
                row.getString("id"),
                row.getString("type"),
                row.getString("subject"),
                getInstant(row, "event_time"),
                getInstant(row, "received_at"),
                json.readMap("event attributes", row.getString("attributes")),
                row.getString("data_content_type"),
                row.getString("data"),
                getEnum(row, "status", EventStatus.class),
                json.readList("matched rules", row.getString("matched_rules")),
                getInstant(row, "routed_at"));
    }
}
