package io.herald.store.dynamodb;

import java.util.Objects;

/**
 * The names of Herald's DynamoDB tables: three for the {@link io.herald.store.Store}, four for the
 * {@link io.herald.store.TaskStore}, one for the {@link io.herald.store.GroupStore}.
 *
 * @param events table of {@link io.herald.domain.StoredEvent}s
 * @param notifications table of {@link io.herald.domain.Notification}s
 * @param audit table of {@link io.herald.domain.AuditEntry}s
 * @param tasks table of {@link io.herald.domain.Task}s
 * @param taskAssignees one row per task and assignee, to list a user's tasks
 * @param tokenUses the action links used, one item per token
 * @param writeBacks table of {@link io.herald.domain.WriteBack}s
 * @param groups table of {@link io.herald.domain.AlertGroup}s, of the {@link io.herald.store.GroupStore}
 */
public record DynamoDbTables(String events, String notifications, String audit, String tasks, String taskAssignees,
        String tokenUses, String writeBacks, String groups) {

    public DynamoDbTables {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(taskAssignees, "taskAssignees");
        Objects.requireNonNull(tokenUses, "tokenUses");
        Objects.requireNonNull(writeBacks, "writeBacks");
        Objects.requireNonNull(groups, "groups");
    }

    /**
     * The tables {@code <prefix>events}, {@code <prefix>notifications}, {@code <prefix>audit},
     * {@code <prefix>tasks}, {@code <prefix>task-assignees}, {@code <prefix>token-uses},
     * {@code <prefix>write-backs} and {@code <prefix>groups}.
     */
    public static DynamoDbTables withPrefix(String prefix) {
        return new DynamoDbTables(prefix + "events", prefix + "notifications", prefix + "audit", prefix + "tasks",
                prefix + "task-assignees", prefix + "token-uses", prefix + "write-backs",
                prefix + "groups");
    }
}
