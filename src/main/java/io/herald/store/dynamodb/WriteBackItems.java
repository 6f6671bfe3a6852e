package io.herald.store.dynamodb;

import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of table {@code write-backs}: key id, and three indexes. The sparse {@value #OPEN_BY_ENTITY} holds
 * only write-backs not yet DELIVERED or DEAD, by entity in creation order (then id), so the per-entity ordering
 * check never reads finished work; the sparse {@value #BY_DUE} holds only PENDING and SENDING ones, and DEAD ones
 * owing their alert, by next attempt; {@value #BY_TASK} lists a task's write-backs in creation order.
 */
final class WriteBackItems {

    static final String ID = "id";
    static final String VERSION = "version";
    static final String OPEN_ENTITY_KEY = "open_entity_key";
    static final String CREATED_KEY = "created_key";
    static final String DUE_STATUS = "due_status";
    static final String NEXT_ATTEMPT_AT = "next_attempt_at";
    static final String TASK_ID = "task_id";
    static final String DEAD_STATUS = "dead_status";
    private static final String EVENT_SOURCE = "event_source";
    private static final String EVENT_ID = "event_id";
    private static final String ENTITY = "entity";
    private static final String KIND = "kind";
    private static final String ACTION = "action";
    private static final String ACTOR = "actor";
    private static final String COMMENT = "comment";
    private static final String OCCURRED_AT = "occurred_at";
    private static final String STATUS = "status";
    private static final String ATTEMPTS = "attempts";
    private static final String LAST_ERROR = "last_error";
    private static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";
    private static final String ALERT_OWED = "alert_owed";

    static final String OPEN_BY_ENTITY = "open-by-entity";
    static final String BY_DUE = "by-due";
    static final String BY_TASK = "by-task";
    static final String BY_DEAD = "by-dead";

    private WriteBackItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of(ID, AttributeValue.fromS(id));
    }

    static Map<String, AttributeValue> item(WriteBack w, long expiresAt) {
        WriteBackStatus status = w.status();
        boolean due = status == WriteBackStatus.PENDING || status == WriteBackStatus.SENDING
                || status == WriteBackStatus.DEAD && w.nextAttemptAt() != null;
        boolean open = status != WriteBackStatus.DELIVERED && status != WriteBackStatus.DEAD;
        return new ItemWriter()
                .string(ID, w.id())
                .string(TASK_ID, w.taskId())
                .string(EVENT_SOURCE, w.eventSource())
                .string(EVENT_ID, w.eventId())
                .map(ENTITY, NestedItems.entity(w.entity()))
                .string(OPEN_ENTITY_KEY, open && w.entity() != null ? w.entity().key() : null)
                .string(CREATED_KEY, Keys.timeOrdered(Objects.requireNonNull(w.createdAt(), "createdAt"), w.id()))
                .string(KIND, w.kind())
                .string(ACTION, w.action())
                .string(ACTOR, w.actor())
                .string(COMMENT, w.comment())
                .instant(OCCURRED_AT, w.occurredAt())
                .name(STATUS, status)
                .name(DUE_STATUS, due ? status : null)
                .name(DEAD_STATUS, status == WriteBackStatus.DEAD ? status : null)
                .number(ATTEMPTS, w.attempts())
                .instant(NEXT_ATTEMPT_AT, w.nextAttemptAt())
                .string(LAST_ERROR, w.lastError())
                .instant(CREATED_AT, w.createdAt())
                .instant(UPDATED_AT, w.updatedAt())
                .number(VERSION, w.version())
                .string(ALERT_OWED, w.alertOwed())
                .number(Retention.EXPIRES_AT, expiresAt)
                .build();
    }

    static WriteBack writeBack(Map<String, AttributeValue> item) {
        ItemReader read = new ItemReader(item);
        return new WriteBack(
                read.string(ID),
                read.string(TASK_ID),
                read.string(EVENT_SOURCE),
                read.string(EVENT_ID),
                NestedItems.entity(read.map(ENTITY)),
                read.string(KIND),
                read.string(ACTION),
                read.string(ACTOR),
                read.string(COMMENT),
                read.instant(OCCURRED_AT),
                read.name(STATUS, WriteBackStatus.class),
                Math.toIntExact(read.number(ATTEMPTS)),
                read.instant(NEXT_ATTEMPT_AT),
                read.string(LAST_ERROR),
                read.instant(CREATED_AT),
                read.instant(UPDATED_AT),
                read.number(VERSION),
                read.string(ALERT_OWED));
    }

    /** The copy the table holds after a successful update: the caller's state, at the next version. */
    static WriteBack stored(WriteBack w) {
        return new WriteBack(w.id(), w.taskId(), w.eventSource(), w.eventId(), w.entity(), w.kind(), w.action(),
                w.actor(), w.comment(), Micros.truncated(w.occurredAt()), w.status(), w.attempts(),
                Micros.truncated(w.nextAttemptAt()), w.lastError(), Micros.truncated(w.createdAt()),
                Micros.truncated(w.updatedAt()), w.version() + 1, w.alertOwed());
    }
}
