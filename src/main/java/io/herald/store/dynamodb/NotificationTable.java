package io.herald.store.dynamodb;

import io.herald.domain.EventKey;
import io.herald.domain.Notification;
import io.herald.domain.NotificationStatus;
import io.herald.store.UnreadableRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The notification operations of {@link DynamoDbStore} on table {@code notifications}. */
final class NotificationTable {

    private static final Comparator<Map<String, AttributeValue>> OLDEST_DUE_FIRST =
            IndexShards.byNumber(NotificationItems.NEXT_ATTEMPT_AT);
    private static final Comparator<Map<String, AttributeValue>> OLDEST_SENT_FIRST =
            IndexShards.byNumber(NotificationItems.UPDATED_AT);

    private final GuardedDynamoDbClient calls;
    private final String table;
    private final Retention retention;

    NotificationTable(GuardedDynamoDbClient calls, String table, Retention retention) {
        this.calls = calls;
        this.table = table;
        this.retention = retention;
    }

    boolean insert(Notification notification) {
        return calls.putNew("insertNotification", table,
                NotificationItems.item(notification, retention.expiresAt()), NotificationItems.ID);
    }

    Optional<Notification> find(String id) {
        return calls.get("findNotification", GetItemRequest.builder()
                .tableName(table)
                .key(NotificationItems.key(id))
                .consistentRead(true)
                .build(), NotificationItems::notification);
    }

    List<Notification> of(EventKey event) {
        QueryRequest query = Queries.partition(table, NotificationItems.BY_EVENT, NotificationItems.EVENT_KEY,
                AttributeValue.fromS(Keys.event(event)));
        return UnreadableRows.readEach("notificationsOf", calls.queryAll("notificationsOf", query),
                NotificationItems::notification);
    }

    /** The whole item is replaced, so the index attributes follow the new status. */
    Optional<Notification> update(Notification updated) {
        Notification stored = NotificationItems.stored(updated);
        boolean replaced = calls.replaceVersion("updateNotification", table,
                NotificationItems.item(stored, retention.expiresAt()), NotificationItems.VERSION, updated.version());
        return replaced ? Optional.of(stored) : Optional.empty();
    }

    /** Reads the limit from each status's range of the due index, then keeps the limit oldest of them all. */
    List<Notification> due(Instant now, int limit) {
        String operation = "dueNotifications";
        Function<AttributeValue, List<Map<String, AttributeValue>>> upToNow = key -> calls.query(operation,
                Queries.range(table, NotificationItems.BY_DUE, NotificationItems.DUE_STATUS, key,
                        NotificationItems.NEXT_ATTEMPT_AT, "<=", Queries.micros(now)), limit);
        List<Map<String, AttributeValue>> due = new ArrayList<>();
        for (NotificationStatus status : List.of(NotificationStatus.PENDING, NotificationStatus.SENDING,
                NotificationStatus.DEAD, NotificationStatus.FAILED)) {
            due.addAll(NotificationItems.spread(status)
                    ? IndexShards.merged(status.name(), upToNow, OLDEST_DUE_FIRST, limit)
                    : upToNow.apply(AttributeValue.fromS(status.name())));
        }
        due.sort(OLDEST_DUE_FIRST);
        return UnreadableRows.readEach(operation, due.subList(0, Math.min(limit, due.size())),
                NotificationItems::notification);
    }

    List<Notification> dead(int limit) {
        QueryRequest newestFirst = Queries.partition(table, NotificationItems.BY_DEAD, NotificationItems.DEAD_STATUS,
                AttributeValue.fromS(NotificationStatus.DEAD.name())).toBuilder().scanIndexForward(false).build();
        return UnreadableRows.readEach("deadNotifications", calls.query("deadNotifications", newestFirst, limit),
                NotificationItems::notification);
    }

    List<Notification> awaitingDeliveryStatus(Instant sentBefore, int limit) {
        String operation = "awaitingDeliveryStatus";
        List<Map<String, AttributeValue>> oldestFirst = IndexShards.merged(NotificationStatus.SENT.name(),
                shard -> calls.query(operation, Queries.range(table, NotificationItems.BY_SENT,
                        NotificationItems.SENT_STATUS, shard, NotificationItems.UPDATED_AT, "<",
                        Queries.micros(sentBefore)), limit), OLDEST_SENT_FIRST, limit);
        return UnreadableRows.readEach(operation, oldestFirst, NotificationItems::notification);
    }
}
