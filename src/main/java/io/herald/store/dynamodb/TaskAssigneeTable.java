package io.herald.store.dynamodb;

import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The rows of table {@code task-assignees} that let {@link DynamoDbTaskStore} list a user's tasks.
 *
 * <p>Without transactions a row cannot be written together with its task, so rows only point: an insert writes
 * them before the task (a crash leaves a row without a task, which readers skip), an update rewrites them after
 * the task with the new status (a crash leaves a stale status, which the next update repairs). Rows are never
 * deleted, so a removed assignee keeps one. Readers therefore check every task they list against the task item.
 */
final class TaskAssigneeTable {

    private final GuardedDynamoDbClient calls;
    private final String table;
    private final Retention retention;

    TaskAssigneeTable(GuardedDynamoDbClient calls, String table, Retention retention) {
        this.calls = calls;
        this.table = table;
        this.retention = retention;
    }

    /** Adds rows that are missing, leaving existing ones: an update may have written them already. */
    void inserting(Task task) {
        for (String assignee : distinctAssignees(task)) {
            calls.putIf("insertTask", PutItemRequest.builder()
                    .tableName(table)
                    .item(TaskAssigneeItems.item(assignee, task, TaskAssigneeItems.INSERTED, retention.expiresAt()))
                    .conditionExpression("attribute_not_exists(#assignee)")
                    .expressionAttributeNames(Map.of("#assignee", TaskAssigneeItems.ASSIGNEE))
                    .build());
        }
    }

    /**
     * Writes the rows of a stored update, unless a later version's rows are there: concurrent updates of one task
     * may finish their row writes in any order.
     */
    void updated(Task stored) {
        for (String assignee : distinctAssignees(stored)) {
            calls.putIf("updateTask", PutItemRequest.builder()
                    .tableName(table)
                    .item(TaskAssigneeItems.item(assignee, stored, stored.version(), retention.expiresAt()))
                    .conditionExpression("attribute_not_exists(#assignee) OR #version < :version")
                    .expressionAttributeNames(Map.of("#assignee", TaskAssigneeItems.ASSIGNEE,
                            "#version", TaskAssigneeItems.VERSION))
                    .expressionAttributeValues(Map.of(":version",
                            AttributeValue.fromN(Long.toString(stored.version()))))
                    .build());
        }
    }

    /**
     * Follows the user's rows of that status newest first, page by page, keeping each task whose own item still
     * has that status, that user and that creation key, until the limit is reached.
     */
    List<Task> tasksOf(String userId, TaskStatus status, int limit, Function<String, Optional<Task>> find) {
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#assignee = :assignee")
                .filterExpression("#status = :status")
                .expressionAttributeNames(Map.of("#assignee", TaskAssigneeItems.ASSIGNEE,
                        "#status", TaskAssigneeItems.STATUS))
                .expressionAttributeValues(Map.of(":assignee", AttributeValue.fromS(userId),
                        ":status", AttributeValue.fromS(status.name())))
                .scanIndexForward(false)
                .limit(limit)
                .build();
        List<Task> tasks = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = calls.page("tasksOfAssignee", query, start);
            for (Map<String, AttributeValue> row : page.items()) {
                String taskKey = row.get(TaskAssigneeItems.TASK_KEY).s();
                find.apply(row.get(TaskAssigneeItems.TASK_ID).s())
                        .filter(task -> task.status() == status && task.assignees() != null
                                && task.assignees().contains(userId) && TaskItems.createdKey(task).equals(taskKey))
                        .ifPresent(tasks::add);
                if (tasks.size() == limit) {
                    return tasks;
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return tasks;
    }

    /** A user listed twice still gets one row. */
    private static List<String> distinctAssignees(Task task) {
        return task.assignees() == null ? List.of() : List.copyOf(new LinkedHashSet<>(task.assignees()));
    }
}
