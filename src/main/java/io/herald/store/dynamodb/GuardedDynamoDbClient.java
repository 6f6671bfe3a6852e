package io.herald.store.dynamodb;

import io.herald.store.UnreadableRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Runs one DynamoDB request per call, each on a single item or one index range. Every failure becomes a
 * {@link io.herald.store.StoreException} through {@link Failures}; a refused condition is an answer, not a failure.
 */
final class GuardedDynamoDbClient {

    private static final int UNLIMITED = Integer.MAX_VALUE;

    private final DynamoDbClient client;

    GuardedDynamoDbClient(DynamoDbClient client) {
        this.client = client;
    }

    /** @return {@code false} if the request's condition did not hold, and nothing was written */
    boolean putIf(String operation, PutItemRequest request) {
        return run(operation, () -> {
            try {
                client.putItem(request);
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        });
    }

    /**
     * Puts an item whose key {@code idAttribute} is not stored yet.
     *
     * @return {@code false} if an item with that key exists, and nothing was written
     */
    boolean putNew(String operation, String table, Map<String, AttributeValue> item, String idAttribute) {
        return putIf(operation, PutItemRequest.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", idAttribute))
                .build());
    }

    /**
     * Replaces the whole item if its {@code versionAttribute} is still {@code readVersion}. A missing item has no
     * version, so the condition refuses it too.
     *
     * @return {@code false} if the item changed since it was read or is gone, and nothing was written
     */
    boolean replaceVersion(String operation, String table, Map<String, AttributeValue> item, String versionAttribute,
            long readVersion) {
        return putIf(operation, PutItemRequest.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("#version = :read")
                .expressionAttributeNames(Map.of("#version", versionAttribute))
                .expressionAttributeValues(Map.of(":read", AttributeValue.fromN(Long.toString(readVersion))))
                .build());
    }

    /** @return {@code false} if the request's condition did not hold, and nothing was written */
    boolean updateIf(String operation, UpdateItemRequest request) {
        return run(operation, () -> {
            try {
                client.updateItem(request);
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        });
    }

    /** The item, read by {@code reader}; one that cannot be read is a {@link StoreException}, not an absence. */
    <T> Optional<T> get(String operation, GetItemRequest request, Function<Map<String, AttributeValue>, T> reader) {
        Optional<Map<String, AttributeValue>> found = run(operation, () -> {
            Map<String, AttributeValue> item = client.getItem(request).item();
            // The SDK answers an empty map, not null, for a missing item.
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
        });
        return found.map(item -> UnreadableRows.readOne(operation, item, reader));
    }

    /**
     * Up to {@code limit} items of a query, following its pages: a page may end before the limit when it reaches
     * DynamoDB's 1 MB page size.
     */
    List<Map<String, AttributeValue>> query(String operation, QueryRequest request, int limit) {
        return run(operation, () -> {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = client.query(request.toBuilder()
                        .limit(limit == UNLIMITED ? null : limit - items.size())
                        .exclusiveStartKey(start)
                        .build());
                items.addAll(page.items());
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey() : null;
            } while (start != null && items.size() < limit);
            return items;
        });
    }

    /**
     * One page of a query, from {@code start} (null for the first page), for callers that decide page by page
     * whether to read on.
     */
    QueryResponse page(String operation, QueryRequest request, Map<String, AttributeValue> start) {
        return run(operation, () -> client.query(request.toBuilder().exclusiveStartKey(start).build()));
    }

    /** Every item of a query, following its pages. */
    List<Map<String, AttributeValue>> queryAll(String operation, QueryRequest request) {
        return query(operation, request, UNLIMITED);
    }

    private static <T> T run(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw Failures.of(operation, e);
        }
    }
}
