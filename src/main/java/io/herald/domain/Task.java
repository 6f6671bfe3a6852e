package io.herald.domain;

import java.time.Instant;
import java.util.List;

/**
 * A request for action that an event raised: the assignees may answer with one of the actions; the first
 * decision wins. Its id is derived from (event, rule), so routing the same event twice makes one task.
 *
 * @param assignees directory user ids who received action links
 * @param decision the winning decision, null while OPEN
 * @param version optimistic-concurrency counter; every update must name the version it read
 * @param sla the SLA clock, or null when the task has no deadline
 */
public record Task(
        String id,
        String eventSource,
        String eventId,
        String rule,
        String title,
        EntityRef entity,
        List<String> actions,
        List<String> assignees,
        TaskStatus status,
        Decision decision,
        Instant createdAt,
        Instant updatedAt,
        long version,
        SlaClock sla) {

    /** A task without a deadline. */
    public Task(String id, String eventSource, String eventId, String rule, String title, EntityRef entity,
            List<String> actions, List<String> assignees, TaskStatus status, Decision decision, Instant createdAt,
            Instant updatedAt, long version) {
        this(id, eventSource, eventId, rule, title, entity, actions, assignees, status, decision, createdAt,
                updatedAt, version, null);
    }

    public EventKey eventKey() {
        return new EventKey(eventSource, eventId);
    }

    /** The task answered; a decision stops its SLA clock. */
    public Task decided(Decision winning, Instant now) {
        return new Task(id, eventSource, eventId, rule, title, entity, actions, assignees, TaskStatus.ANSWERED,
                winning, createdAt, now, version, sla == null ? null : sla.stopped());
    }

    public Task withSla(SlaClock newSla, List<String> newAssignees, Instant now) {
        return new Task(id, eventSource, eventId, rule, title, entity, actions, newAssignees, status, decision,
                createdAt, now, version, newSla);
    }
}
