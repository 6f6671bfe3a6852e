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
        long version) {

    public EventKey eventKey() {
        return new EventKey(eventSource, eventId);
    }

    public Task decided(Decision winning, Instant now) {
        return new Task(id, eventSource, eventId, rule, title, entity, actions, assignees, TaskStatus.ANSWERED,
                winning, createdAt, now, version);
    }
}
