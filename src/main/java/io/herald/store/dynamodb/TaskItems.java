package io.herald.store.dynamodb;

import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.store.SlaCheckIndex;
import io.herald.store.SlaClockJson;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of table {@code tasks}: key id, and three indexes sorted by creation (then id): {@value #BY_ENTITY} on
 * the entity's key, {@value #BY_EVENT} on the event's and {@value #BY_STATUS} on the status, whose partition
 * {@code OPEN} lists the open tasks (every task is in it from its first write, so tasks written before the index
 * existed are listed too; the other partitions are never read). A user's tasks are found through
 * {@link TaskAssigneeItems}, as a list attribute cannot be an index key.
 *
 * <p>The SLA clock is one JSON attribute ({@link SlaClockJson}). The sparse {@value #BY_SLA_CHECK} index holds
 * only tasks whose clock has a next check, spread over {@link IndexShards} partitions ({@value #SLA_CHECK} =
 * {@value #SCHEDULED}#n, n from the task id), each sorted by the check time as {@link SlaCheckIndex} rounds it, then
 * id; like the write-backs' due index, a task
 * leaves it when an update drops the two attributes, which writing the item whole does.
 */
final class TaskItems {

    static final String ID = "id";
    static final String VERSION = "version";
    static final String ENTITY_KEY = "entity_key";
    static final String EVENT_KEY = "event_key";
    static final String CREATED_KEY = "created_key";
    static final String SLA_CHECK = "sla_check";
    static final String SLA_CHECK_KEY = "sla_check_key";
    /** What the partitions of {@value #BY_SLA_CHECK} are named by, before their number. */
    static final String SCHEDULED = "scheduled";
    private static final String EVENT_SOURCE = "event_source";
    private static final String EVENT_ID = "event_id";
    private static final String RULE = "rule";
    private static final String TITLE = "title";
    private static final String ENTITY = "entity";
    private static final String ACTIONS = "actions";
    private static final String ASSIGNEES = "assignees";
    static final String STATUS = "status";
    private static final String DECISION = "decision";
    private static final String CREATED_AT = "created_at";
    private static final String UPDATED_AT = "updated_at";
    private static final String SLA = "sla";

    static final String BY_ENTITY = "by-entity";
    static final String BY_EVENT = "by-event";
    static final String BY_SLA_CHECK = "by-sla-check";
    static final String BY_STATUS = "by-status";

    private TaskItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of(ID, AttributeValue.fromS(id));
    }

    /** The task's place in creation order, the sort key of its indexes and of its assignee rows. */
    static String createdKey(Task task) {
        return Keys.timeOrdered(Objects.requireNonNull(task.createdAt(), "createdAt"), task.id());
    }

    static Map<String, AttributeValue> item(Task t, long expiresAt) {
        Instant check = SlaCheckIndex.of(t);
        return new ItemWriter()
                .string(ID, t.id())
                .string(EVENT_SOURCE, t.eventSource())
                .string(EVENT_ID, t.eventId())
                .string(EVENT_KEY, Keys.event(t.eventKey()))
                .string(CREATED_KEY, createdKey(t))
                .string(RULE, t.rule())
                .string(TITLE, t.title())
                .map(ENTITY, NestedItems.entity(t.entity()))
                .string(ENTITY_KEY, t.entity() == null ? null : t.entity().key())
                .strings(ACTIONS, t.actions())
                .strings(ASSIGNEES, t.assignees())
                .name(STATUS, t.status())
                .map(DECISION, NestedItems.decision(t.decision()))
                .instant(CREATED_AT, t.createdAt())
                .instant(UPDATED_AT, t.updatedAt())
                .string(SLA, SlaClockJson.write(t.sla()))
                .string(SLA_CHECK, check == null ? null : IndexShards.of(SCHEDULED, t.id()))
                .string(SLA_CHECK_KEY, check == null ? null : Keys.timeOrdered(check, t.id()))
                .number(VERSION, t.version())
                .number(Retention.EXPIRES_AT, expiresAt)
                .build();
    }

    static Task task(Map<String, AttributeValue> item) {
        ItemReader read = new ItemReader(item);
        return new Task(
                read.string(ID),
                read.string(EVENT_SOURCE),
                read.string(EVENT_ID),
                read.string(RULE),
                read.string(TITLE),
                NestedItems.entity(read.map(ENTITY)),
                read.strings(ACTIONS),
                read.strings(ASSIGNEES),
                read.name(STATUS, TaskStatus.class),
                NestedItems.decision(read.map(DECISION)),
                read.instant(CREATED_AT),
                read.instant(UPDATED_AT),
                read.number(VERSION),
                SlaClockJson.read(read.string(SLA)));
    }

    /**
     * The copy the table holds after a successful update: the caller's state, at the next version. The SLA clock
     * is kept whole, as JSON keeps every nanosecond.
     */
    static Task stored(Task t) {
        return new Task(t.id(), t.eventSource(), t.eventId(), t.rule(), t.title(), t.entity(), t.actions(),
                t.assignees(), t.status(), NestedItems.truncated(t.decision()), Micros.truncated(t.createdAt()),
                Micros.truncated(t.updatedAt()), t.version() + 1, t.sla());
    }
}
