package io.herald.store.dynamodb;

import io.herald.domain.Decision;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The items of table {@code token-uses}: key token id, with the task and the decision made with the token. */
final class TokenUseItems {

    static final String TOKEN_ID = "token_id";
    private static final String TASK_ID = "task_id";
    private static final String DECISION = "decision";

    private TokenUseItems() {
    }

    static Map<String, AttributeValue> key(String tokenId) {
        return Map.of(TOKEN_ID, AttributeValue.fromS(tokenId));
    }

    static Map<String, AttributeValue> item(String tokenId, String taskId, Decision decision, long expiresAt) {
        return new ItemWriter()
                .string(TOKEN_ID, tokenId)
                .string(TASK_ID, taskId)
                .map(DECISION, NestedItems.decision(decision))
                .number(Retention.EXPIRES_AT, expiresAt)
                .build();
    }

    static Decision decision(Map<String, AttributeValue> item) {
        return NestedItems.decision(new ItemReader(item).map(DECISION));
    }
}
