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
 * The tables {@link DynamoDbStore} needs, as CreateTable requests: keys, indexes (all projecting every
 * attribute) and on-demand billing. In the cloud Terraform creates the same tables and also turns on their time
 * to live on {@code expires_at}; {@link #createMissing} is for tests and local experiments.
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

    /** Creates the tables that do not exist yet and waits until all three are active. */
    public static void createMissing(DynamoDbClient client, DynamoDbTables tables) {
        try {
            for (CreateTableRequest request : createTableRequests(tables)) {
                createIfMissing(client, request);
            }
            for (CreateTableRequest request : createTableRequests(tables)) {
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
        return table(name, Map.of(EventItems.SOURCE, S, EventItems.ID, S, EventItems.STATUS, S,
                        EventItems.RECEIVED_AT, N),
                keys(EventItems.SOURCE, EventItems.ID),
                index(EventItems.BY_STATUS, EventItems.STATUS, EventItems.RECEIVED_AT));
    }

    private static CreateTableRequest notifications(String name) {
        return table(name, Map.of(NotificationItems.ID, S, NotificationItems.EVENT_KEY, S,
                        NotificationItems.CREATED_KEY, S, NotificationItems.DUE_STATUS, S,
                        NotificationItems.NEXT_ATTEMPT_AT, N, NotificationItems.SENT_STATUS, S,
                        NotificationItems.UPDATED_AT, N),
                keys(NotificationItems.ID, null),
                index(NotificationItems.BY_EVENT, NotificationItems.EVENT_KEY, NotificationItems.CREATED_KEY),
                index(NotificationItems.BY_DUE, NotificationItems.DUE_STATUS, NotificationItems.NEXT_ATTEMPT_AT),
                index(NotificationItems.BY_SENT, NotificationItems.SENT_STATUS, NotificationItems.UPDATED_AT));
    }

    private static CreateTableRequest audit(String name) {
        return table(name, Map.of(AuditItems.EVENT_KEY, S, AuditItems.ENTRY_KEY, S),
                keys(AuditItems.EVENT_KEY, AuditItems.ENTRY_KEY));
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
