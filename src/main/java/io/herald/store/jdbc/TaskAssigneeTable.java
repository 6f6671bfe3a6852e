package io.herald.store.jdbc;

import static io.herald.store.jdbc.ColumnValues.setEnum;
import static io.herald.store.jdbc.ColumnValues.setInstant;

import io.herald.domain.Task;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The statements on table {@code task_assignees}: one row per (task, assignee) copying the task's status and
 * creation time as of the task version it names. V2__tasks.sql explains why rows name a version.
 */
final class TaskAssigneeTable {

    static final String INSERT = "INSERT INTO task_assignees (task_id, user_id, status, created_at, task_version)"
            + " VALUES (?, ?, ?, ?, ?)";

    /** Parameters as {@link #INSERT}; changes nothing if the row already copies that version or a later one. */
    static final String RAISE = "UPDATE task_assignees SET status = ?, created_at = ?, task_version = ?"
            + " WHERE task_id = ? AND user_id = ? AND task_version < ?";

    /** Parameters: task id, version. Rows of users no longer assigned; primary key prefix. */
    static final String DELETE_BELOW = "DELETE FROM task_assignees WHERE task_id = ? AND task_version < ?";

    /**
     * Parameters: user id, status, limit. Index {@code task_assignees_by_user} read backwards (the ORDER BY names
     * its columns from the first one, so that H2 reads them in order), each row joined to its task by primary key
     * and kept only if the task is still at the version the row copies.
     */
    static final String TASKS_OF_USER = "SELECT " + TaskTable.COLUMNS_OF_T
            + " FROM task_assignees a JOIN tasks t ON t.id = a.task_id AND t.version = a.task_version"
            + " WHERE a.user_id = ? AND a.status = ?"
            + " ORDER BY a.user_id DESC, a.status DESC, a.created_at DESC, a.task_id DESC LIMIT ?";

    private TaskAssigneeTable() {
    }

    static void bindInsert(PreparedStatement statement, Task task, String userId) throws SQLException {
        statement.setString(1, task.id());
        statement.setString(2, userId);
        setEnum(statement, 3, task.status());
        setInstant(statement, 4, task.createdAt());
        statement.setLong(5, task.version());
    }

    static void bindRaise(PreparedStatement statement, Task task, String userId) throws SQLException {
        setEnum(statement, 1, task.status());
        setInstant(statement, 2, task.createdAt());
        statement.setLong(3, task.version());
        statement.setString(4, task.id());
        statement.setString(5, userId);
        statement.setLong(6, task.version());
    }

    static void bindDeleteBelow(PreparedStatement statement, Task task) throws SQLException {
        statement.setString(1, task.id());
        statement.setLong(2, task.version());
    }
}
