package io.herald.store.dynamodb;

import io.herald.domain.AnnouncementIds;
import io.herald.domain.AnnouncementPage;
import io.herald.store.AnnouncementStore;
import io.herald.store.UnreadableRows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link AnnouncementStore} on the DynamoDB table {@code groups} (see {@link AnnouncementPageItems}), which must
 * exist before use. Like {@link DynamoDbGroupStore}: single-item writes conditional on the key being absent or on
 * the version read, strongly consistent reads, due pages read from the eventually consistent sparse index, instants
 * in microseconds, {@code expires_at} stamped on every write. An announcement's pages are found by their ids, which
 * follow from the announcement's id and the page number, so no index of their own is needed. Thread-safe, as the
 * SDK client is.
 */
public final class DynamoDbAnnouncementStore implements AnnouncementStore {

    private final GuardedDynamoDbClient calls;
    private final String table;
    private final Retention retention;

    /**
     * @param retention how long a page is kept after its last write
     * @param clock tells the time of a write, for the time to live
     */
    public DynamoDbAnnouncementStore(DynamoDbClient client, DynamoDbTables tables, Duration retention,
            Clock clock) {
        this.calls = new GuardedDynamoDbClient(Objects.requireNonNull(client, "client"));
        this.table = tables.groups();
        this.retention = new Retention(Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(retention, "retention"));
    }

    @Override
    public boolean insertPage(AnnouncementPage page) {
        return calls.putNew("insertPage", table,
                AnnouncementPageItems.item(page, retention.expiresAt()), GroupItems.ID);
    }

    @Override
    public Optional<AnnouncementPage> findPage(String id) {
        return calls.get("findPage", GetItemRequest.builder()
                .tableName(table)
                .key(AnnouncementPageItems.key(id))
                .consistentRead(true)
                .build(), AnnouncementPageItems::page);
    }

    /** The whole item is replaced, so the sparse index attributes follow the new next attempt. */
    @Override
    public Optional<AnnouncementPage> updatePage(AnnouncementPage updated) {
        AnnouncementPage stored = AnnouncementPageItems.stored(updated, updated.version() + 1);
        boolean replaced = calls.replaceVersion("updatePage", table,
                AnnouncementPageItems.item(stored, retention.expiresAt()), GroupItems.VERSION, updated.version());
        return replaced ? Optional.of(stored) : Optional.empty();
    }

    /** Pages are stored in page order, so the first missing number ends the announcement. */
    @Override
    public List<AnnouncementPage> pagesOf(String announcementId, int fromPage, int limit) {
        requirePositive(limit);
        List<AnnouncementPage> pages = new ArrayList<>();
        for (int number = Math.max(1, fromPage); pages.size() < limit; number++) {
            Optional<AnnouncementPage> page = findPage(AnnouncementIds.page(announcementId, number));
            if (page.isEmpty()) {
                break;
            }
            pages.add(page.get());
        }
        return pages;
    }

    @Override
    public List<AnnouncementPage> duePages(Instant dueBy, int limit) {
        return indexed("duePages", AnnouncementPageItems.DUE, "<=", dueBy, limit);
    }

    /** Only pages with a member whose delivery is not known: settled ones leave the index when they are stored. */
    @Override
    public List<AnnouncementPage> awaitingDeliveryStatus(Instant sentSince, int limit) {
        return indexed("awaitingDeliveryStatus", AnnouncementPageItems.AWAITING_STATUS, ">=", sentSince, limit);
    }

    /** Pages of one partition of the sparse index, in the order of their time there, bounded by {@code bound}. */
    private List<AnnouncementPage> indexed(String operation, String partition, String operator, Instant bound,
            int limit) {
        requirePositive(limit);
        QueryRequest inTimeOrder = Queries.range(table, GroupItems.BY_DUE, GroupItems.DUE_FLAG,
                AttributeValue.fromS(partition), GroupItems.NEXT_FLUSH_AT, operator, Queries.micros(bound));
        return UnreadableRows.readEach(operation, calls.query(operation, inTimeOrder, limit),
                AnnouncementPageItems::page);
    }

    /** Kept as long as a page, from the first withdrawal: a later publish meets it while its pages would live. */
    @Override
    public boolean recordWithdrawal(String announcementId, Instant at) {
        return calls.putNew("recordWithdrawal", table,
                AnnouncementWithdrawalItems.item(announcementId, at, retention.expiresAt()), GroupItems.ID);
    }

    @Override
    public Optional<Instant> withdrawnAt(String announcementId) {
        return calls.get("withdrawnAt", GetItemRequest.builder()
                .tableName(table)
                .key(AnnouncementWithdrawalItems.key(announcementId))
                .consistentRead(true)
                .build(), AnnouncementWithdrawalItems::withdrawnAt);
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            // DynamoDB refuses a Limit below one with a validation error; this names the actual mistake
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }
}
