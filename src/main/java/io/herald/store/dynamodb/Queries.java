package io.herald.store.dynamodb;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Query requests on one partition, optionally narrowed to a range of the sort key. Attribute names always go
 * through placeholders: several of Herald's (status, source, data) are DynamoDB reserved words.
 */
final class Queries {

    private Queries() {
    }

    /** The whole partition where {@code partition = value}, in ascending sort key order. */
    static QueryRequest partition(String table, String index, String partition, AttributeValue value) {
        return QueryRequest.builder()
                .tableName(table)
                .indexName(index)
                .keyConditionExpression("#p = :p")
                .expressionAttributeNames(Map.of("#p", partition))
                .expressionAttributeValues(Map.of(":p", value))
                .build();
    }

    /**
     * The part of a partition whose sort key compares to {@code bound} with {@code operator} ({@code <},
     * {@code <=}), in ascending sort key order.
     */
    static QueryRequest range(String table, String index, String partition, AttributeValue value, String sortKey,
            String operator, AttributeValue bound) {
        return QueryRequest.builder()
                .tableName(table)
                .indexName(index)
                .keyConditionExpression("#p = :p AND #s " + operator + " :s")
                .expressionAttributeNames(Map.of("#p", partition, "#s", sortKey))
                .expressionAttributeValues(Map.of(":p", value, ":s", bound))
                .build();
    }

    /** The part of a partition whose sort key starts with {@code prefix}, in ascending sort key order. */
    static QueryRequest prefix(String table, String index, String partition, AttributeValue value, String sortKey,
            String prefix) {
        return QueryRequest.builder()
                .tableName(table)
                .indexName(index)
                .keyConditionExpression("#p = :p AND begins_with(#s, :s)")
                .expressionAttributeNames(Map.of("#p", partition, "#s", sortKey))
                .expressionAttributeValues(Map.of(":p", value, ":s", AttributeValue.fromS(prefix)))
                .build();
    }

    static AttributeValue micros(Instant instant) {
        return AttributeValue.fromN(Long.toString(Micros.of(instant)));
    }
}
