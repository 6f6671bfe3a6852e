package io.herald.store.dynamodb;

import java.util.Objects;

/**
 * The names of Herald's three DynamoDB tables.
 *
 * @param events table of {@link io.herald.domain.StoredEvent}s
 * @param notifications table of {@link io.herald.domain.Notification}s
 * @param audit table of {@link io.herald.domain.AuditEntry}s
 */
public record DynamoDbTables(String events, String notifications, String audit) {

    public DynamoDbTables {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(audit, "audit");
    }

    /** The tables {@code <prefix>events}, {@code <prefix>notifications} and {@code <prefix>audit}. */
    public static DynamoDbTables withPrefix(String prefix) {
        return new DynamoDbTables(prefix + "events", prefix + "notifications", prefix + "audit");
    }
}
