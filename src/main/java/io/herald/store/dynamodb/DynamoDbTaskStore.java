package io.herald.store.dynamodb;

import io.herald.domain.Decision;
import io.herald.domain.EventKey;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.domain.WriteBack;
import io.herald.store.DueSlaChecks;
import io.herald.store.OpenTasksCursor;
import io.herald.store.TaskStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link TaskStore} on four DynamoDB tables laid out by {@link DynamoDbSchema#taskTableRequests}, which must exist
 * before use.
 *
 * <p>Like {@link DynamoDbStore}: every write is a single-item request, conditional on the key being absent or on
 * the version read; finds read strongly consistently, lists read eventually consistent indexes; instants are kept
 * in microseconds (but for the SLA clock, kept whole as JSON, see {@link TaskItems}); every write stamps
 * {@code expires_at}. A user's tasks are listed through rows of
 * {@code task-assignees}, which are checked against the tasks themselves (see {@link TaskAssigneeTable}).
 * Thread-safe, as the SDK client is.
 */
public final class DynamoDbTaskStore implements TaskStore {

    private final TaskTable tasks;
    private final TaskAssigneeTable assignees;
    private final TokenUseTable tokenUses;
    private final WriteBackTable writeBacks;
    private final SlaCheckQueries slaChecks;

    /**
     * @param retention how long an item is kept after its last write
     * @param clock tells the time of a write, for the time to live
     */
    public DynamoDbTaskStore(DynamoDbClient client, DynamoDbTables tables, Duration retention, Clock clock) {
        GuardedDynamoDbClient calls = new GuardedDynamoDbClient(Objects.requireNonNull(client, "client"));
        Retention expiry = new Retention(Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(retention, "retention"));
        this.tasks = new TaskTable(calls, tables.tasks(), expiry);
        this.assignees = new TaskAssigneeTable(calls, tables.taskAssignees(), expiry);
        this.tokenUses = new TokenUseTable(calls, tables.tokenUses(), expiry);
        this.writeBacks = new WriteBackTable(calls, tables.writeBacks(), expiry);
        this.slaChecks = new SlaCheckQueries(calls, tables.tasks());
    }

    @Override
    public boolean insertTask(Task task) {
        assignees.inserting(task);
        return tasks.insert(task);
    }

    @Override
    public Optional<Task> findTask(String id) {
        return tasks.find(id);
    }

    @Override
    public Optional<Task> updateTask(Task updated) {
        Optional<Task> stored = tasks.update(updated);
        stored.ifPresent(assignees::updated);
        return stored;
    }

    @Override
    public List<Task> tasksOfAssignee(String userId, TaskStatus status, int limit) {
        return assignees.tasksOf(userId, status, requirePositive(limit), tasks::find);
    }

    @Override
    public List<Task> tasksOfEntity(String entityKey, int limit) {
        return tasks.ofEntity(entityKey, requirePositive(limit));
    }

    @Override
    public OpenTasksPage openTasks(OpenTasksCursor after, int limit) {
        return OpenTasksPage.of(tasks.open(after, Math.addExact(requirePositive(limit), 1)), limit);
    }

    @Override
    public List<Task> tasksOfEvent(String eventSource, String eventId) {
        return tasks.ofEvent(new EventKey(eventSource, eventId));
    }

    @Override
    public List<Task> dueSlaChecks(Instant now, int limit) {
        return DueSlaChecks.read(slaChecks, now, requirePositive(limit));
    }

    @Override
    public boolean recordTokenUse(String tokenId, String taskId, Decision decision) {
        return tokenUses.record(tokenId, taskId, decision);
    }

    @Override
    public Optional<Decision> tokenUse(String tokenId) {
        return tokenUses.find(tokenId);
    }

    @Override
    public boolean insertWriteBack(WriteBack writeBack) {
        return writeBacks.insert(writeBack);
    }

    @Override
    public Optional<WriteBack> findWriteBack(String id) {
        return writeBacks.find(id);
    }

    @Override
    public Optional<WriteBack> updateWriteBack(WriteBack updated) {
        return writeBacks.update(updated);
    }

    @Override
    public List<WriteBack> openWriteBacksOf(String entityKey, int limit) {
        return writeBacks.openOf(entityKey, requirePositive(limit));
    }

    @Override
    public List<WriteBack> dueWriteBacks(Instant now, int limit) {
        return writeBacks.due(now, requirePositive(limit));
    }

    @Override
    public List<WriteBack> deadWriteBacks(int limit) {
        return writeBacks.dead(requirePositive(limit));
    }

    @Override
    public List<WriteBack> writeBacksOfTask(String taskId) {
        return writeBacks.ofTask(taskId);
    }

    /** DynamoDB refuses a Limit below one with a validation error; this names the actual mistake. */
    private static int requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return limit;
    }
}
