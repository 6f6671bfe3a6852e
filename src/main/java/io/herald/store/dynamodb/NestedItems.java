package io.herald.store.dynamodb;

import io.herald.domain.Decision;
import io.herald.domain.EntityRef;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Entities and decisions as nested maps of the task store's items: a map is absent exactly when the value is
 * null, which flat attributes could not tell apart from a value whose fields are all null.
 */
final class NestedItems {

    private static final String SYSTEM = "system";
    private static final String TYPE = "type";
    private static final String ID = "id";
    private static final String ACTION = "action";
    private static final String ACTOR = "actor";
    private static final String COMMENT = "comment";
    private static final String AT = "at";
    private static final String TOKEN_ID = "token_id";

    private NestedItems() {
    }

    static Map<String, AttributeValue> entity(EntityRef entity) {
        return entity == null ? null
                : new ItemWriter().string(SYSTEM, entity.system()).string(TYPE, entity.type()).string(ID, entity.id())
                        .build();
    }

    static EntityRef entity(ItemReader read) {
        return read == null ? null : new EntityRef(read.string(SYSTEM), read.string(TYPE), read.string(ID));
    }

    static Map<String, AttributeValue> decision(Decision decision) {
        return decision == null ? null
                : new ItemWriter()
                        .string(ACTION, decision.action())
                        .string(ACTOR, decision.actor())
                        .string(COMMENT, decision.comment())
                        .instant(AT, decision.at())
                        .string(TOKEN_ID, decision.tokenId())
                        .build();
    }

    static Decision decision(ItemReader read) {
        return read == null ? null
                : new Decision(read.string(ACTION), read.string(ACTOR), read.string(COMMENT), read.instant(AT),
                        read.string(TOKEN_ID));
    }

    /** The decision as stored: its instant truncated to microseconds. */
    static Decision truncated(Decision d) {
        return d == null ? null : new Decision(d.action(), d.actor(), d.comment(), Micros.truncated(d.at()),
                d.tokenId());
    }
}
