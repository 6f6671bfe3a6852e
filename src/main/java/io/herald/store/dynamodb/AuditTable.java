package io.herald.store.dynamodb;

import io.herald.domain.AuditEntry;
import io.herald.domain.EventKey;
import io.herald.store.UnreadableRows;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The audit operations of {@link DynamoDbStore} on table {@code audit}. */
final class AuditTable {

    private final GuardedDynamoDbClient calls;
    private final String table;
    private final Retention retention;

    AuditTable(GuardedDynamoDbClient calls, String table, Retention retention) {
        this.calls = calls;
        this.table = table;
        this.retention = retention;
    }

    void append(AuditEntry entry) {
        // A refused condition means an earlier run of the same step stored this entry already.
        calls.putIf("appendAudit", PutItemRequest.builder()
                .tableName(table)
                .item(AuditItems.item(entry, retention.expiresAt()))
                .conditionExpression("attribute_not_exists(#entry)")
                .expressionAttributeNames(Map.of("#entry", AuditItems.ENTRY_KEY))
                .build());
    }

    List<AuditEntry> of(EventKey event) {
        QueryRequest query = Queries.partition(table, null, AuditItems.EVENT_KEY, AttributeValue.fromS(
                Keys.event(event))).toBuilder().consistentRead(true).build();
        return UnreadableRows.readEach("auditOf", calls.queryAll("auditOf", query), AuditItems::entry).stream()
                .sorted(AuditItems.TIME_ORDER).toList();
    }
}
