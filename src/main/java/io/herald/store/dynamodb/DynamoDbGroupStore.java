package io.herald.store.dynamodb;

import io.herald.domain.AlertGroup;
import io.herald.domain.ThrottleWindow;
import io.herald.store.GroupStore;
import io.herald.store.UnreadableRows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link GroupStore} on the DynamoDB table {@code groups} (groups, and throttling windows beside them, see
 * {@link ThrottleWindowItems}) laid out by {@link DynamoDbSchema#groupTableRequests},
 * which must exist before use. Like {@link DynamoDbStore}: single-item writes conditional on the key being absent
 * or on the version read, strongly consistent finds, due groups read from an eventually consistent sparse index,
 * instants in microseconds, {@code expires_at} stamped on every write. Thread-safe, as the SDK client is.
 */
public final class DynamoDbGroupStore implements GroupStore {

    private final GuardedDynamoDbClient calls;
    private final String table;
    private final Retention retention;

    /**
     * @param retention how long a group is kept after its last write
     * @param clock tells the time of a write, for the time to live
     */
    public DynamoDbGroupStore(DynamoDbClient client, DynamoDbTables tables, Duration retention, Clock clock) {
        this.calls = new GuardedDynamoDbClient(Objects.requireNonNull(client, "client"));
        this.table = tables.groups();
        this.retention = new Retention(Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(retention, "retention"));
    }

    @Override
    public boolean insertGroup(AlertGroup group) {
        return calls.putNew("insertGroup", table,
                GroupItems.item(group, retention.expiresAt()), GroupItems.ID);
    }

    @Override
    public Optional<AlertGroup> findGroup(String id) {
        return calls.get("findGroup", GetItemRequest.builder()
                .tableName(table)
                .key(GroupItems.key(id))
                .consistentRead(true)
                .build(), GroupItems::group);
    }

    /** The whole item is replaced, so the sparse index attributes follow the new next flush. */
    @Override
    public Optional<AlertGroup> updateGroup(AlertGroup updated) {
        AlertGroup stored = GroupItems.stored(updated, updated.version() + 1);
        boolean replaced = calls.replaceVersion("updateGroup", table,
                GroupItems.item(stored, retention.expiresAt()), GroupItems.VERSION, updated.version());
        return replaced ? Optional.of(stored) : Optional.empty();
    }

    @Override
    public List<AlertGroup> dueGroups(Instant now, int limit) {
        if (limit < 1) {
            // DynamoDB refuses a Limit below one with a validation error; this names the actual mistake
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        QueryRequest earliestFirst = Queries.range(table, GroupItems.BY_DUE, GroupItems.DUE_FLAG,
                AttributeValue.fromS(GroupItems.DUE), GroupItems.NEXT_FLUSH_AT, "<=", Queries.micros(now));
        return UnreadableRows.readEach("dueGroups", calls.query("dueGroups", earliestFirst, limit),
                GroupItems::group);
    }

    @Override
    public boolean insertWindow(ThrottleWindow window) {
        return calls.putNew("insertWindow", table,
                ThrottleWindowItems.item(window, retention.expiresAt()), GroupItems.ID);
    }

    @Override
    public Optional<ThrottleWindow> findWindow(String id) {
        return calls.get("findWindow", GetItemRequest.builder()
                .tableName(table)
                .key(ThrottleWindowItems.key(id))
                .consistentRead(true)
                .build(), ThrottleWindowItems::window);
    }

    @Override
    public Optional<ThrottleWindow> updateWindow(ThrottleWindow updated) {
        ThrottleWindow stored = ThrottleWindowItems.stored(updated);
        boolean replaced = calls.replaceVersion("updateWindow", table,
                ThrottleWindowItems.item(stored, retention.expiresAt()), GroupItems.VERSION, updated.version());
        return replaced ? Optional.of(stored) : Optional.empty();
    }
}
