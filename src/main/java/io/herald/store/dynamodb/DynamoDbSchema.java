package io.herald.store.dynamodb;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The tables {@link DynamoDbStore}, {@link DynamoDbTaskStore} and {@link DynamoDbGroupStore} need, as CreateTable
 * requests: keys, indexes (all projecting every attribute) and on-demand billing. In the cloud Terraform creates
 * the same tables and also turns on their time to live on {@code expires_at}; {@link #createMissing} is for tests
 * and local experiments.
 */
public final class DynamoDbSchema {

    private static final ScalarAttributeType S = ScalarAttributeType.S;
    private static final ScalarAttributeType N = ScalarAttributeType.N;

    private DynamoDbSchema() {
    }

    /** The three tables, in the order events, notifications, audit. */
    public static List<CreateTableRequest> createTableRequests(DynamoDbTables tables) {
        return List.of(events(tables.events()), notifications(tables.notifications()), audit(tables.audit()));
    }

    /** The four tables of the task store, in the order tasks, task assignees, token uses, write-backs. */
    public static List<CreateTableRequest> taskTableRequests(DynamoDbTables tables) {
        return List.of(tasks(tables.tasks()), taskAssignees(tables.taskAssignees()), tokenUses(tables.tokenUses()),
                writeBacks(tables.writeBacks()));
    }

    /** The table of the group store. */
    public static List<CreateTableRequest> groupTableRequests(DynamoDbTables tables) {
        return List.of(groups(tables.groups()));
    }

    /** Creates the group store's table if it does not exist yet and waits until it is active. */
    public static void createMissingGroupTables(DynamoDbClient client, DynamoDbTables tables) {
        createMissing(client, groupTableRequests(tables));
    }

    /** Creates the store's tables that do not exist yet and waits until all three are active. */
    public static void createMissing(DynamoDbClient client, DynamoDbTables tables) {
        createMissing(client, createTableRequests(tables));
    }

    /** Creates the task store's tables that do not exist yet and waits until all four are active. */
    public static void createMissingTaskTables(DynamoDbClient client, DynamoDbTables tables) {
        createMissing(client, taskTableRequests(tables));
    }

    private static void createMissing(DynamoDbClient client, List<CreateTableRequest> requests) {
        try {
            for (CreateTableRequest request : requests) {
                createIfMissing(client, request);
            }
            for (CreateTableRequest request : requests) {
                client.waiter().waitUntilTableExists(b -> b.tableName(request.tableName()));
            }
        } catch (SdkException e) {
            throw Failures.of("createTables", e);
        }
    }

    private static void createIfMissing(DynamoDbClient client, CreateTableRequest request) {
        try {
            client.describeTable(b -> b.tableName(request.tableName()));
        } catch (ResourceNotFoundException missing) {
            try {
                client.createTable(request);
            } catch (ResourceInUseException createdMeanwhile) {
                // Another instance starting at the same time created it; the wait below covers both.
            }
        }
    }

    private static CreateTableRequest events(String name) {
        return table(name, Map.of(EventItems.SOURCE, S, EventItems.ID, S, EventItems.STATUS_SHARD, S,
                        EventItems.RECEIVED_AT, N),
                keys(EventItems.SOURCE, EventItems.ID),
                index(EventItems.BY_STATUS, EventItems.STATUS_SHARD, EventItems.RECEIVED_AT));
    }

    private static CreateTableRequest notifications(String name) {
        return table(name, Map.of(NotificationItems.ID, S, NotificationItems.EVENT_KEY, S,
                        NotificationItems.CREATED_KEY, S, NotificationItems.DUE_STATUS, S,
                        NotificationItems.NEXT_ATTEMPT_AT, N, NotificationItems.SENT_STATUS, S,
                        NotificationItems.UPDATED_AT, N, NotificationItems.DEAD_STATUS, S),
                keys(NotificationItems.ID, null),
                index(NotificationItems.BY_EVENT, NotificationItems.EVENT_KEY, NotificationItems.CREATED_KEY),
                index(NotificationItems.BY_DUE, NotificationItems.DUE_STATUS, NotificationItems.NEXT_ATTEMPT_AT),
                index(NotificationItems.BY_SENT, NotificationItems.SENT_STATUS, NotificationItems.UPDATED_AT),
                index(NotificationItems.BY_DEAD, NotificationItems.DEAD_STATUS, NotificationItems.UPDATED_AT));
    }

    private static CreateTableRequest audit(String name) {
        return table(name, Map.of(AuditItems.EVENT_KEY, S, AuditItems.ENTRY_KEY, S),
                keys(AuditItems.EVENT_KEY, AuditItems.ENTRY_KEY));
    }

    private static CreateTableRequest tasks(String name) {
        return table(name, Map.of(TaskItems.ID, S, TaskItems.ENTITY_KEY, S, TaskItems.EVENT_KEY, S,
                        TaskItems.CREATED_KEY, S, TaskItems.SLA_CHECK, S, TaskItems.SLA_CHECK_KEY, S,
                        TaskItems.STATUS, S),
                keys(TaskItems.ID, null),
                index(TaskItems.BY_ENTITY, TaskItems.ENTITY_KEY, TaskItems.CREATED_KEY),
                index(TaskItems.BY_EVENT, TaskItems.EVENT_KEY, TaskItems.CREATED_KEY),
                index(TaskItems.BY_SLA_CHECK, TaskItems.SLA_CHECK, TaskItems.SLA_CHECK_KEY),
                index(TaskItems.BY_STATUS, TaskItems.STATUS, TaskItems.CREATED_KEY));
    }

    private static CreateTableRequest taskAssignees(String name) {
        return table(name, Map.of(TaskAssigneeItems.ASSIGNEE, S, TaskAssigneeItems.TASK_KEY, S),
                keys(TaskAssigneeItems.ASSIGNEE, TaskAssigneeItems.TASK_KEY));
    }

    private static CreateTableRequest tokenUses(String name) {
        return table(name, Map.of(TokenUseItems.TOKEN_ID, S), keys(TokenUseItems.TOKEN_ID, null));
    }

    private static CreateTableRequest writeBacks(String name) {
        return table(name, Map.of(WriteBackItems.ID, S, WriteBackItems.OPEN_ENTITY_KEY, S,
                        WriteBackItems.CREATED_KEY, S, WriteBackItems.DUE_STATUS, S, WriteBackItems.NEXT_ATTEMPT_AT, N,
                        WriteBackItems.TASK_ID, S, WriteBackItems.DEAD_STATUS, S, WriteBackItems.UPDATED_AT, N),
                keys(WriteBackItems.ID, null),
                index(WriteBackItems.OPEN_BY_ENTITY, WriteBackItems.OPEN_ENTITY_KEY, WriteBackItems.CREATED_KEY),
                index(WriteBackItems.BY_DUE, WriteBackItems.DUE_STATUS, WriteBackItems.NEXT_ATTEMPT_AT),
                index(WriteBackItems.BY_TASK, WriteBackItems.TASK_ID, WriteBackItems.CREATED_KEY),
                index(WriteBackItems.BY_DEAD, WriteBackItems.DEAD_STATUS, WriteBackItems.UPDATED_AT));
    }

    private static CreateTableRequest groups(String name) {
        return table(name, Map.of(GroupItems.ID, S, GroupItems.DUE_FLAG, S, GroupItems.NEXT_FLUSH_AT, N),
                keys(GroupItems.ID, null),
                index(GroupItems.BY_DUE, GroupItems.DUE_FLAG, GroupItems.NEXT_FLUSH_AT));
    }

    private static CreateTableRequest table(String name, Map<String, ScalarAttributeType> keyAttributes,
            List<KeySchemaElement> keys, GlobalSecondaryIndex... indexes) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(keyAttributes.entrySet().stream()
                        .map(a -> AttributeDefinition.builder().attributeName(a.getKey()).attributeType(a.getValue())
                                .build())
                        .toList())
                .keySchema(keys);
        if (indexes.length > 0) {
            request.globalSecondaryIndexes(indexes);
        }
        return request.build();
    }

    private static GlobalSecondaryIndex index(String name, String partition, String sort) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(keys(partition, sort))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    /** @param sort null for a table keyed by its partition key alone */
    private static List<KeySchemaElement> keys(String partition, String sort) {
        KeySchemaElement hash = KeySchemaElement.builder().attributeName(partition).keyType(KeyType.HASH).build();
        return sort == null ? List.of(hash)
                : List.of(hash, KeySchemaElement.builder().attributeName(sort).keyType(KeyType.RANGE).build());
    }
}
