package io.herald.store.dynamodb;

import io.herald.domain.Task;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of table {@code task-assignees}: one row per (assignee, task), keyed by the assignee and the task's
 * {@link TaskItems#createdKey}, so a user's rows come newest first. A row is a pointer, not the truth: it may
 * outlive its assignment or lag behind the task's status, so readers check the task itself.
 */
final class TaskAssigneeItems {

    static final String ASSIGNEE = "assignee";
    static final String TASK_KEY = "task_key";
    static final String TASK_ID = "task_id";
    static final String STATUS = "status";
    static final String VERSION = "version";

    /**
     * The version of rows an insert writes: below every task version, so that any later update replaces them,
     * even rows that a refused duplicate insert left behind.
     */
    static final long INSERTED = -1;

    private TaskAssigneeItems() {
    }

    static Map<String, AttributeValue> item(String assignee, Task task, long version, long expiresAt) {
        return new ItemWriter()
                .string(ASSIGNEE, assignee)
                .string(TASK_KEY, TaskItems.createdKey(task))
                .string(TASK_ID, task.id())
                .name(STATUS, task.status())
                .number(VERSION, version)
                .number(Retention.EXPIRES_AT, expiresAt)
                .build();
    }
}
