package io.herald.store.jdbc;

import io.herald.domain.Task;
import java.util.LinkedHashSet;

/**
 * Brings the {@code task_assignees} rows of a task in step with the task as stored, one autocommitted statement
 * at a time (the order and why it is safe without a transaction: V2__tasks.sql). Repeating it is harmless, and
 * running it with an older copy of the task than another caller changes nothing that caller wrote.
 */
final class AssigneeRows {

    private final StatementRunner statements;

    AssigneeRows(StatementRunner statements) {
        this.statements = statements;
    }

    /** @param stored the task at the version now stored, or read from the store */
    void follow(String operation, Task stored) {
        if (stored.assignees() != null) {
            for (String userId : new LinkedHashSet<>(stored.assignees())) {
                // Raising first: after the first write of a task every row exists, and a refused insert would
                // leave an error, naming the row's key, in PostgreSQL's log.
                if (raise(operation, stored, userId) == 0 && !insert(operation, stored, userId)) {
                    // Inserted meanwhile by another caller, perhaps from an older version.
                    raise(operation, stored, userId);
                }
            }
        }
        statements.update(operation, TaskAssigneeTable.DELETE_BELOW,
                s -> TaskAssigneeTable.bindDeleteBelow(s, stored));
    }

    private int raise(String operation, Task stored, String userId) {
        return statements.update(operation, TaskAssigneeTable.RAISE,
                s -> TaskAssigneeTable.bindRaise(s, stored, userId));
    }

    private boolean insert(String operation, Task stored, String userId) {
        return statements.insertIfAbsent(operation, TaskAssigneeTable.INSERT,
                s -> TaskAssigneeTable.bindInsert(s, stored, userId));
    }
}
