package io.herald.store.dynamodb;

import io.herald.domain.EventKey;
import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import io.herald.store.UnreadableRows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The event operations of {@link DynamoDbStore} on table {@code events}. */
final class EventTable {

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

    /** Sets what {@link StoredEvent#routed} sets, and only on an existing item. */
    /** Records a routing outcome: the status, the rules that matched and when. */
    boolean mark(String operation, EventKey key, EventStatus status, List<String> matchedRules, Instant at) {
        return calls.updateIf(operation, UpdateItemRequest.builder()
                .tableName(table)
                .key(EventItems.key(key))
                .updateExpression("SET #status = :status, #rules = :rules, #routedAt = :routedAt,"
                        + " #expiresAt = :expiresAt")
                .conditionExpression("attribute_exists(#id)")
                .expressionAttributeNames(Map.of("#id", EventItems.ID, "#status", EventItems.STATUS,
                        "#rules", EventItems.MATCHED_RULES, "#routedAt", EventItems.ROUTED_AT,
                        "#expiresAt", Retention.EXPIRES_AT))
                .expressionAttributeValues(Map.of(
                        ":status", AttributeValue.fromS(status.name()),
                        ":rules", AttributeValue.fromL(matchedRules.stream().map(AttributeValue::fromS).toList()),
                        ":routedAt", Queries.micros(Objects.requireNonNull(at, "at")),
                        ":expiresAt", AttributeValue.fromN(Long.toString(retention.expiresAt()))))
                .build());
    }

    List<StoredEvent> unrouted(int limit) {
        return newestWithStatus("unroutedEvents", EventStatus.UNROUTED, limit);
    }

    List<StoredEvent> newestWithStatus(String operation, EventStatus status, int limit) {
        QueryRequest newestFirst = Queries.partition(table, EventItems.BY_STATUS, EventItems.STATUS,
                AttributeValue.fromS(status.name())).toBuilder().scanIndexForward(false).build();
        return UnreadableRows.readEach(operation, calls.query(operation, newestFirst, limit),
                items::event);
    }

    List<StoredEvent> awaitingRouting(Instant before, int limit) {
        QueryRequest oldestFirst = Queries.range(table, EventItems.BY_STATUS, EventItems.STATUS,
                AttributeValue.fromS(EventStatus.RECEIVED.name()), EventItems.RECEIVED_AT, "<",
                Queries.micros(before));
        return UnreadableRows.readEach("eventsAwaitingRouting", calls.query("eventsAwaitingRouting", oldestFirst, limit),
                items::event);
    }
}
