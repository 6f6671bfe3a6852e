package io.herald.store.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.Decision;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import io.herald.store.DueSlaChecks;
import io.herald.store.OpenTasksCursor;
import io.herald.store.TaskStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link TaskStore} on a relational database (PostgreSQL, or H2 in PostgreSQL mode) with the schema of
 * {@code db/migration}, which must be migrated before use.
 *
 * <p>Every statement runs on its own in autocommit mode, as in {@link JdbcStore}: inserts rely on the primary key
 * to refuse duplicates, updates on a version condition. The one write that takes several statements is a task's:
 * its row, then the rows that list it per assignee, which are derived from the stored task and completed by
 * repeating the call if it was interrupted (see V2__tasks.sql). Instants are kept in UTC at microsecond
 * precision; finer parts are truncated, except in the SLA clock, which is kept whole as JSON (V3__sla.sql).
 * Thread-safe as long as the data source is.
 */
public final class JdbcTaskStore implements TaskStore {

    private final StatementRunner statements;
    private final TaskTable tasks;
    private final AssigneeRows assignees;
    private final SlaCheckRows slaChecks;

    public JdbcTaskStore(DataSource dataSource, ObjectMapper mapper) {
        this.statements = new StatementRunner(Objects.requireNonNull(dataSource, "dataSource"));
        this.tasks = new TaskTable(new JsonColumns(Objects.requireNonNull(mapper, "mapper")));
        this.assignees = new AssigneeRows(statements);
        this.slaChecks = new SlaCheckRows(statements, tasks);
    }

    @Override
    public boolean insertTask(Task task) {
        requireAssignees(task);
        boolean inserted = statements.insertIfAbsent("insertTask", TaskTable.INSERT, s -> tasks.bindInsert(s, task));
        // A refused insert may repeat one that was interrupted before its assignee rows were complete.
        Optional<Task> stored = inserted ? Optional.of(task) : findTask(task.id());
        stored.ifPresent(t -> assignees.follow("insertTask", t));
        return inserted;
    }

    @Override
    public Optional<Task> findTask(String id) {
        return statements.one("findTask", TaskTable.FIND, s -> s.setString(1, id), tasks::read);
    }

    @Override
    public Optional<Task> updateTask(Task updated) {
        requireAssignees(updated);
        int changed = statements.update("updateTask", TaskTable.UPDATE, s -> tasks.bindUpdate(s, updated));
        if (changed == 0) {
            // A refused update may repeat one that was interrupted before its assignee rows were in step.
            findTask(updated.id()).ifPresent(t -> assignees.follow("updateTask", t));
            return Optional.empty();
        }
        Task stored = TaskTable.stored(updated);
        assignees.follow("updateTask", stored);
        return Optional.of(stored);
    }

    @Override
    public List<Task> tasksOfAssignee(String userId, TaskStatus status, int limit) {
        QueryLimits.requirePositive(limit);
        return statements.list("tasksOfAssignee", TaskAssigneeTable.TASKS_OF_USER, s -> {
            s.setString(1, userId);
            ColumnValues.setEnum(s, 2, status);
            s.setInt(3, limit);
        }, tasks::read);
    }

    @Override
    public List<Task> tasksOfEntity(String entityKey, int limit) {
        QueryLimits.requirePositive(limit);
        return statements.list("tasksOfEntity", TaskTable.OF_ENTITY, s -> {
            s.setString(1, entityKey);
            s.setInt(2, limit);
        }, tasks::read);
    }

    @Override
    public OpenTasksPage openTasks(OpenTasksCursor after, int limit) {
        QueryLimits.requirePositive(limit);
        List<Task> readOneMore = after == null
                ? statements.list("openTasks", TaskTable.NEWEST_WITH_STATUS, s -> {
                    ColumnValues.setEnum(s, 1, TaskStatus.OPEN);
                    s.setInt(2, Math.addExact(limit, 1));
                }, tasks::read)
                : statements.list("openTasks", TaskTable.NEWEST_WITH_STATUS_BEFORE, s -> {
                    ColumnValues.setEnum(s, 1, TaskStatus.OPEN);
                    ColumnValues.setInstant(s, 2, after.createdAt());
                    ColumnValues.setInstant(s, 3, after.createdAt());
                    s.setString(4, after.id());
                    s.setInt(5, Math.addExact(limit, 1));
                }, tasks::read);
        return OpenTasksPage.of(readOneMore, limit);
    }

    @Override
    public List<Task> tasksOfEvent(String eventSource, String eventId) {
        return statements.list("tasksOfEvent", TaskTable.OF_EVENT, s -> {
            s.setString(1, eventSource);
            s.setString(2, eventId);
        }, tasks::read);
    }

    @Override
    public List<Task> dueSlaChecks(Instant now, int limit) {
        QueryLimits.requirePositive(limit);
        return DueSlaChecks.read(slaChecks, now, limit);
    }

    @Override
    public boolean recordTokenUse(String tokenId, String taskId, Decision decision) {
        // Without a decision the stored use would read back as none, and the token could be used again.
        Objects.requireNonNull(decision, "decision");
        return statements.insertIfAbsent("recordTokenUse", TokenUseTable.INSERT,
                s -> TokenUseTable.bindInsert(s, tokenId, taskId, decision));
    }

    @Override
    public Optional<Decision> tokenUse(String tokenId) {
        return statements.one("tokenUse", TokenUseTable.FIND, s -> s.setString(1, tokenId), DecisionColumns::read);
    }

    @Override
    public boolean insertWriteBack(WriteBack writeBack) {
        return statements.insertIfAbsent("insertWriteBack", WriteBackTable.INSERT,
                s -> WriteBackTable.bindInsert(s, writeBack));
    }

    @Override
    public Optional<WriteBack> findWriteBack(String id) {
        return statements.one("findWriteBack", WriteBackTable.FIND, s -> s.setString(1, id), WriteBackTable::read);
    }

    @Override
    public Optional<WriteBack> updateWriteBack(WriteBack updated) {
        int changed = statements.update("updateWriteBack", WriteBackTable.UPDATE,
                s -> WriteBackTable.bindUpdate(s, updated));
        return changed == 0 ? Optional.empty() : Optional.of(WriteBackTable.stored(updated));
    }

    @Override
    public List<WriteBack> openWriteBacksOf(String entityKey, int limit) {
        QueryLimits.requirePositive(limit);
        return statements.list("openWriteBacksOf", WriteBackTable.OF_ENTITY_IN_EITHER_STATUS, s -> {
            s.setString(1, entityKey);
            ColumnValues.setEnum(s, 2, WriteBackStatus.PENDING);
            s.setInt(3, limit);
            s.setString(4, entityKey);
            ColumnValues.setEnum(s, 5, WriteBackStatus.SENDING);
            s.setInt(6, limit);
            s.setInt(7, limit);
        }, WriteBackTable::read);
    }

    @Override
    public List<WriteBack> dueWriteBacks(Instant now, int limit) {
        QueryLimits.requirePositive(limit);
        return statements.list("dueWriteBacks", WriteBackTable.DUE.sql(),
                s -> WriteBackTable.DUE.bind(s, now, limit), WriteBackTable::read);
    }

    @Override
    public List<WriteBack> deadWriteBacks(int limit) {
        QueryLimits.requirePositive(limit);
        return statements.list("deadWriteBacks", WriteBackTable.NEWEST_WITH_STATUS_UPDATED, s -> {
            ColumnValues.setEnum(s, 1, WriteBackStatus.DEAD);
            s.setInt(2, limit);
        }, WriteBackTable::read);
    }

    @Override
    public List<WriteBack> writeBacksOfTask(String taskId) {
        return statements.list("writeBacksOfTask", WriteBackTable.OF_TASK, s -> s.setString(1, taskId),
                WriteBackTable::read);
    }

    /** Checked before anything is written, so that a task is never stored with assignee rows it cannot have. */
    private static void requireAssignees(Task task) {
        if (task.assignees() != null && task.assignees().stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("task assignees must not contain null");
        }
    }
}
