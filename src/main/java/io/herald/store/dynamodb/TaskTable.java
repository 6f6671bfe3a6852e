package io.herald.store.dynamodb;

import io.herald.domain.EventKey;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.store.OpenTasksCursor;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The task operations of {@link DynamoDbTaskStore} on table {@code tasks}. */
final class TaskTable {

    private final GuardedDynamoDbClient calls;
    private final String table;
    private final Retention retention;

    TaskTable(GuardedDynamoDbClient calls, String table, Retention retention) {
        this.calls = calls;
        this.table = table;
        this.retention = retention;
    }

    boolean insert(Task task) {
        return calls.putNew("insertTask", table,
                TaskItems.item(task, retention.expiresAt()), TaskItems.ID);
    }

    Optional<Task> find(String id) {
        return calls.get("findTask", GetItemRequest.builder()
                .tableName(table)
                .key(TaskItems.key(id))
                .consistentRead(true)
                .build(), TaskItems::task);
    }

    /** The whole item is replaced, so the index attributes follow the new state. */
    Optional<Task> update(Task updated) {
        Task stored = TaskItems.stored(updated);
        boolean replaced = calls.replaceVersion("updateTask", table,
                TaskItems.item(stored, retention.expiresAt()), TaskItems.VERSION, updated.version());
        return replaced ? Optional.of(stored) : Optional.empty();
    }

    List<Task> ofEntity(String entityKey, int limit) {
        QueryRequest newestFirst = Queries.partition(table, TaskItems.BY_ENTITY, TaskItems.ENTITY_KEY,
                AttributeValue.fromS(entityKey)).toBuilder().scanIndexForward(false).build();
        return calls.query("tasksOfEntity", newestFirst, limit).stream().map(TaskItems::task).toList();
    }

    /** Open tasks newest first, from just before the cursor; {@code limit} of them at most. */
    List<Task> open(OpenTasksCursor after, int limit) {
        AttributeValue open = AttributeValue.fromS(TaskStatus.OPEN.name());
        QueryRequest oldestFirst = after == null
                ? Queries.partition(table, TaskItems.BY_STATUS, TaskItems.STATUS, open)
                : Queries.range(table, TaskItems.BY_STATUS, TaskItems.STATUS, open, TaskItems.CREATED_KEY, "<",
                        AttributeValue.fromS(Keys.timeOrdered(after.createdAt(), after.id())));
        return calls.query("openTasks", oldestFirst.toBuilder().scanIndexForward(false).build(), limit).stream()
                .map(TaskItems::task).toList();
    }

    List<Task> ofEvent(EventKey event) {
        QueryRequest oldestFirst = Queries.partition(table, TaskItems.BY_EVENT, TaskItems.EVENT_KEY,
                AttributeValue.fromS(Keys.event(event)));
        return calls.queryAll("tasksOfEvent", oldestFirst).stream().map(TaskItems::task).toList();
    }
}
