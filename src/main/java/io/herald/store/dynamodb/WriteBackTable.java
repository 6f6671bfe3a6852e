package io.herald.store.dynamodb;

import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import io.herald.store.UnreadableRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The write-back operations of {@link DynamoDbTaskStore} on table {@code write-backs}. */
final class WriteBackTable {

    private static final Comparator<WriteBack> OLDEST_DUE_FIRST = Comparator.comparing(WriteBack::nextAttemptAt)
            .thenComparing(WriteBack::id);

    private final GuardedDynamoDbClient calls;
    private final String table;
    private final Retention retention;

    WriteBackTable(GuardedDynamoDbClient calls, String table, Retention retention) {
        this.calls = calls;
        this.table = table;
        this.retention = retention;
    }

    boolean insert(WriteBack writeBack) {
        return calls.putNew("insertWriteBack", table,
                WriteBackItems.item(writeBack, retention.expiresAt()), WriteBackItems.ID);
    }

    Optional<WriteBack> find(String id) {
        return calls.get("findWriteBack", GetItemRequest.builder()
                .tableName(table)
                .key(WriteBackItems.key(id))
                .consistentRead(true)
                .build(), WriteBackItems::writeBack);
    }

    /** The whole item is replaced, so the sparse index attributes follow the new status. */
    Optional<WriteBack> update(WriteBack updated) {
        WriteBack stored = WriteBackItems.stored(updated);
        boolean replaced = calls.replaceVersion("updateWriteBack", table,
                WriteBackItems.item(stored, retention.expiresAt()), WriteBackItems.VERSION, updated.version());
        return replaced ? Optional.of(stored) : Optional.empty();
    }

    List<WriteBack> openOf(String entityKey, int limit) {
        QueryRequest oldestFirst = Queries.partition(table, WriteBackItems.OPEN_BY_ENTITY,
                WriteBackItems.OPEN_ENTITY_KEY, AttributeValue.fromS(entityKey));
        return calls.query("openWriteBacksOf", oldestFirst, limit).stream().map(WriteBackItems::writeBack).toList();
    }

    /** Reads the limit from each status's range of the due index, then keeps the limit oldest of them all. */
    List<WriteBack> due(Instant now, int limit) {
        List<WriteBack> due = new ArrayList<>();
        for (WriteBackStatus status : List.of(WriteBackStatus.PENDING, WriteBackStatus.SENDING,
                WriteBackStatus.DEAD)) {
            QueryRequest query = Queries.range(table, WriteBackItems.BY_DUE, WriteBackItems.DUE_STATUS,
                    AttributeValue.fromS(status.name()), WriteBackItems.NEXT_ATTEMPT_AT, "<=", Queries.micros(now));
            due.addAll(UnreadableRows.readEach("dueWriteBacks", calls.query("dueWriteBacks", query, limit),
                    WriteBackItems::writeBack));
        }
        return due.stream().sorted(OLDEST_DUE_FIRST).limit(limit).toList();
    }

    List<WriteBack> dead(int limit) {
        QueryRequest newestFirst = Queries.partition(table, WriteBackItems.BY_DEAD, WriteBackItems.DEAD_STATUS,
                AttributeValue.fromS(WriteBackStatus.DEAD.name())).toBuilder().scanIndexForward(false).build();
        return UnreadableRows.readEach("deadWriteBacks", calls.query("deadWriteBacks", newestFirst, limit),
                WriteBackItems::writeBack);
    }

    List<WriteBack> ofTask(String taskId) {
        QueryRequest oldestFirst = Queries.partition(table, WriteBackItems.BY_TASK, WriteBackItems.TASK_ID,
                AttributeValue.fromS(taskId));
        return calls.queryAll("writeBacksOfTask", oldestFirst).stream().map(WriteBackItems::writeBack).toList();
    }
}
