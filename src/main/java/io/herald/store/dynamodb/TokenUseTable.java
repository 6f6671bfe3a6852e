package io.herald.store.dynamodb;

import io.herald.domain.Decision;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** The action-link operations of {@link DynamoDbTaskStore} on table {@code token-uses}. */
final class TokenUseTable {

    private final GuardedDynamoDbClient calls;
    private final String table;
    private final Retention retention;

    TokenUseTable(GuardedDynamoDbClient calls, String table, Retention retention) {
        this.calls = calls;
        this.table = table;
        this.retention = retention;
    }

    boolean record(String tokenId, String taskId, Decision decision) {
        return calls.putIf("recordTokenUse", PutItemRequest.builder()
                .tableName(table)
                .item(TokenUseItems.item(tokenId, taskId, decision, retention.expiresAt()))
                .conditionExpression("attribute_not_exists(#token)")
                .expressionAttributeNames(Map.of("#token", TokenUseItems.TOKEN_ID))
                .build());
    }

    Optional<Decision> find(String tokenId) {
        return calls.get("tokenUse", GetItemRequest.builder()
                .tableName(table)
                .key(TokenUseItems.key(tokenId))
                .consistentRead(true)
                .build(), TokenUseItems::decision);
    }
}
