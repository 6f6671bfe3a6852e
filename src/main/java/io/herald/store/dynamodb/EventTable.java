package io.herald.store.dynamodb;

import io.herald.domain.EventKey;
import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import io.herald.store.UnreadableRows;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The event operations of {@link DynamoDbStore} on table {@code events}. */
final class EventTable {

    private static final Comparator<Map<String, AttributeValue>> OLDEST_FIRST =
            IndexShards.byNumber(EventItems.RECEIVED_AT);

    private final GuardedDynamoDbClient calls;
    private final String table;
    private final Retention retention;
    private final EventItems items = new EventItems();

    EventTable(GuardedDynamoDbClient calls, String table, Retention retention) {
        this.calls = calls;
        this.table = table;
        this.retention = retention;
    }

    boolean insert(StoredEvent event) {
        return calls.putNew("insertEvent", table,
                items.item(event, retention.expiresAt()), EventItems.ID);
    }

    Optional<StoredEvent> find(EventKey key) {
        return calls.get("findEvent", GetItemRequest.builder()
                .tableName(table)
                .key(EventItems.key(key))
                .consistentRead(true)
                .build(), items::event);
    }

    /** Records a routing outcome, as {@link StoredEvent#routed} does, and only on an existing item. */
    boolean mark(String operation, EventKey key, EventStatus status, List<String> matchedRules, Instant at) {
        return calls.updateIf(operation, UpdateItemRequest.builder()
                .tableName(table)
                .key(EventItems.key(key))
                .updateExpression("SET #status = :status, #statusShard = :statusShard, #rules = :rules,"
                        + " #routedAt = :routedAt, #expiresAt = :expiresAt")
                .conditionExpression("attribute_exists(#id)")
                .expressionAttributeNames(Map.of("#id", EventItems.ID, "#status", EventItems.STATUS,
                        "#statusShard", EventItems.STATUS_SHARD, "#rules", EventItems.MATCHED_RULES,
                        "#routedAt", EventItems.ROUTED_AT, "#expiresAt", Retention.EXPIRES_AT))
                .expressionAttributeValues(Map.of(
                        ":status", AttributeValue.fromS(status.name()),
                        ":statusShard", AttributeValue.fromS(EventItems.statusShard(key, status)),
                        ":rules", AttributeValue.fromL(matchedRules.stream().map(AttributeValue::fromS).toList()),
                        ":routedAt", Queries.micros(Objects.requireNonNull(at, "at")),
                        ":expiresAt", AttributeValue.fromN(Long.toString(retention.expiresAt()))))
                .build());
    }

    List<StoredEvent> unrouted(int limit) {
        return newestWithStatus("unroutedEvents", EventStatus.UNROUTED, limit);
    }

    List<StoredEvent> newestWithStatus(String operation, EventStatus status, int limit) {
        List<Map<String, AttributeValue>> newestFirst = IndexShards.merged(status.name(), shard -> calls.query(
                operation, Queries.partition(table, EventItems.BY_STATUS, EventItems.STATUS_SHARD, shard).toBuilder()
                        .scanIndexForward(false).build(), limit), OLDEST_FIRST.reversed(), limit);
        return UnreadableRows.readEach(operation, newestFirst, items::event);
    }

    List<StoredEvent> awaitingRouting(Instant before, int limit) {
        String operation = "eventsAwaitingRouting";
        List<Map<String, AttributeValue>> oldestFirst = IndexShards.merged(EventStatus.RECEIVED.name(),
                shard -> calls.query(operation, Queries.range(table, EventItems.BY_STATUS, EventItems.STATUS_SHARD,
                        shard, EventItems.RECEIVED_AT, "<", Queries.micros(before)), limit), OLDEST_FIRST, limit);
        return UnreadableRows.readEach(operation, oldestFirst, items::event);
    }
}
