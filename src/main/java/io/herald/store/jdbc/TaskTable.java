package io.herald.store.jdbc;

import static io.herald.store.jdbc.ColumnValues.getEnum;
import static io.herald.store.jdbc.ColumnValues.getInstant;
import static io.herald.store.jdbc.ColumnValues.setEnum;
import static io.herald.store.jdbc.ColumnValues.setInstant;

import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.store.SlaCheckIndex;
import io.herald.store.SlaClockJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.stream.Collectors;

/** The statements on table {@code tasks} and the mapping between its rows and {@link Task}. */
final class TaskTable {

    /** Every column but id and version, in the order {@link #bindState} binds them. */
    private static final String STATE_COLUMNS = "event_source, event_id, rule, title, " + EntityColumns.NAMES
            + ", actions, assignees, status, " + DecisionColumns.NAMES
            + ", created_at, updated_at, sla, sla_check_at";

    private static final String COLUMNS = "id, " + STATE_COLUMNS + ", version";

    /** {@link #COLUMNS} of the table aliased {@code t}, for joins. */
    static final String COLUMNS_OF_T = Arrays.stream(COLUMNS.split(", "))
            .map(column -> "t." + column)
            .collect(Collectors.joining(", "));

    static final String INSERT = "INSERT INTO tasks (" + COLUMNS + ") VALUES ("
            + String.join(", ", Collections.nCopies(COLUMNS.split(", ").length, "?")) + ")";

    static final String FIND = "SELECT " + COLUMNS + " FROM tasks WHERE id = ?";

    static final String UPDATE = "UPDATE tasks SET "
            + STATE_COLUMNS.replace(",", " = ?,") + " = ?, version = version + 1 WHERE id = ? AND version = ?";

    /*
     * Every ORDER BY below names the index's columns from the first one, although the equality columns are fixed:
     * only then does H2 read rows in index order instead of sorting every match. PostgreSQL does either way.
     */

    /** Parameters: entity key, limit. Index {@code tasks_by_entity} read backwards. */
    static final String OF_ENTITY = "SELECT " + COLUMNS + " FROM tasks WHERE entity_key = ?"
            + " ORDER BY entity_key DESC, created_at DESC, id DESC LIMIT ?";

    /** Parameters: status, limit. Index {@code tasks_by_status} read backwards. */
    static final String NEWEST_WITH_STATUS = "SELECT " + COLUMNS + " FROM tasks WHERE status = ?"
            + " ORDER BY status DESC, created_at DESC, id DESC LIMIT ?";

    /**
     * Parameters: status, the cursor's creation time twice and id, limit. Index {@code tasks_by_status} read
     * backwards from the cursor.
     */
    static final String NEWEST_WITH_STATUS_BEFORE = "SELECT " + COLUMNS + " FROM tasks WHERE status = ?"
            + " AND (created_at < ? OR (created_at = ? AND id < ?))"
            + " ORDER BY status DESC, created_at DESC, id DESC LIMIT ?";

    /** Parameters: event source, event id. Index {@code tasks_by_event}. */
    static final String OF_EVENT = "SELECT " + COLUMNS + " FROM tasks WHERE event_source = ? AND event_id = ?"
            + " ORDER BY event_source, event_id, created_at, id";

    /**
     * Parameters: bound (a whole microsecond), limit. Index {@code tasks_sla_due}; tasks without a next check
     * have a null {@code sla_check_at}, which the range never reaches. See {@link io.herald.store.DueSlaChecks}.
     */
    static final String SLA_CHECKS_UP_TO = "SELECT " + COLUMNS + " FROM tasks WHERE sla_check_at <= ?"
            + " ORDER BY sla_check_at, id LIMIT ?";

    /** Parameters: a whole microsecond. Index {@code tasks_sla_due}. */
    static final String SLA_CHECKS_AT = "SELECT " + COLUMNS + " FROM tasks WHERE sla_check_at = ?"
            + " ORDER BY sla_check_at, id";

    private final JsonColumns json;

    TaskTable(JsonColumns json) {
        this.json = json;
    }

    void bindInsert(PreparedStatement statement, Task task) throws SQLException {
        statement.setString(1, task.id());
        int next = bindState(statement, 2, task);
        statement.setLong(next, task.version());
    }

    /** Binds the new state, then the id and the version the caller read. */
    void bindUpdate(PreparedStatement statement, Task task) throws SQLException {
        int next = bindState(statement, 1, task);
        statement.setString(next, task.id());
        statement.setLong(next + 1, task.version());
    }

    /** @return the next free parameter index */
    private int bindState(PreparedStatement statement, int first, Task task) throws SQLException {
        int i = first;
        statement.setString(i++, task.eventSource());
        statement.setString(i++, task.eventId());
        statement.setString(i++, task.rule());
        statement.setString(i++, task.title());
        i = EntityColumns.bind(statement, i, task.entity());
        statement.setString(i++, json.write("task actions", task.actions()));
        statement.setString(i++, json.write("task assignees", task.assignees()));
        setEnum(statement, i++, task.status());
        i = DecisionColumns.bind(statement, i, task.decision());
        setInstant(statement, i++, task.createdAt());
        setInstant(statement, i++, task.updatedAt());
        statement.setString(i++, SlaClockJson.write(task.sla()));
        // Rounded up, not truncated like the other instants: see SlaCheckIndex.
        setInstant(statement, i++, SlaCheckIndex.of(task));
        return i;
    }

    Task read(ResultSet row) throws SQLException {
        return new Task(
                row.getString("id"),
                row.getString("event_source"),
                row.getString("event_id"),
                row.getString("rule"),
                row.getString("title"),
                EntityColumns.read(row),
                json.readList("task actions", row.getString("actions")),
                json.readList("task assignees", row.getString("assignees")),
                getEnum(row, "status", TaskStatus.class),
                DecisionColumns.read(row),
                getInstant(row, "created_at"),
                getInstant(row, "updated_at"),
                row.getLong("version"),
                SlaClockJson.read(row.getString("sla")));
    }

    /**
     * The copy the store holds after a successful update: the caller's state with the next version. The SLA clock
     * is kept whole, as JSON keeps every nanosecond.
     */
    static Task stored(Task t) {
        return new Task(t.id(), t.eventSource(), t.eventId(), t.rule(), t.title(), t.entity(), t.actions(),
                t.assignees(), t.status(), DecisionColumns.stored(t.decision()), ColumnValues.stored(t.createdAt()),
                ColumnValues.stored(t.updatedAt()), t.version() + 1, t.sla());
    }
}
