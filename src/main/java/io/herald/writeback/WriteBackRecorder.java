package io.herald.writeback;

import io.herald.domain.Task;
import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import io.herald.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where other code asks for something to be written back to a connected system: the callback when a decision is
 * recorded, the SLA sweep when a task nears or misses its deadline. The write-back is stored before anything is
 * sent, so once {@link #record} returns it will reach xConnector (or be given up and alerted), whatever crashes.
 */
@ApplicationScoped
public class WriteBackRecorder {

    private final TaskStore store;
    private final WriteBackQueue queue;
    private final Clock clock;

    public WriteBackRecorder(TaskStore store, WriteBackQueue queue, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * A new write-back about a task, ready to send now; its id is derived from (task, kind, action).
     *
     * @param kind one of {@link WriteBackKinds#ALL}
     * @param action the decision's action, or the escalation detail
     * @param comment free text, or null
     * @throws IllegalArgumentException when the task names no entity or the kind is unknown
     */
    public WriteBack plan(Task task, String kind, String action, String actor, String comment, Instant occurredAt) {
        if (task.entity() == null) {
            throw new IllegalArgumentException("task " + task.id() + " is about no entity to write back to");
        }
        requireKind(kind);
        Instant now = clock.instant();
        return new WriteBack(WriteBackIds.of(task.id(), kind, action), task.id(), task.eventSource(),
                task.eventId(), task.entity(), kind, action, actor, comment, occurredAt, WriteBackStatus.PENDING, 0,
                now, null, now, now, 0);
    }

    /**
     * Stores the write-back unless one with its id is stored already, then wakes the writer while it is still to
     * be delivered. Calling it again with the same write-back is harmless and re-sends a lost wake-up.
     *
     * @return the write-back as stored
     * @throws IllegalArgumentException when it lacks what the contract requires (entity, action, actor,
     *         occurredAt, task and event) or its kind is unknown
     */
    public WriteBack record(WriteBack writeBack) {
        requireComplete(writeBack);
        WriteBack stored = store.insertWriteBack(writeBack)
                ? writeBack
                : store.findWriteBack(writeBack.id()).orElse(writeBack);
        if (stored.status() == WriteBackStatus.PENDING || stored.status() == WriteBackStatus.SENDING) {
            queue.wake(stored.id(), Duration.ZERO);
        }
        return stored;
    }

    private static void requireComplete(WriteBack writeBack) {
        requireKind(writeBack.kind());
        Map<String, Object> required = new LinkedHashMap<>();
        required.put("id", writeBack.id());
        required.put("taskId", writeBack.taskId());
        required.put("eventSource", writeBack.eventSource());
        required.put("eventId", writeBack.eventId());
        required.put("entity", writeBack.entity());
        required.put("action", writeBack.action());
        required.put("actor", writeBack.actor());
        required.put("occurredAt", writeBack.occurredAt());
        required.put("status", writeBack.status());
        required.put("createdAt", writeBack.createdAt());
        List<String> missing = required.entrySet().stream().filter(e -> e.getValue() == null)
                .map(Map.Entry::getKey).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("write-back " + writeBack.id() + " lacks " + missing);
        }
    }

    private static void requireKind(String kind) {
        if (!WriteBackKinds.ALL.contains(kind)) {
            throw new IllegalArgumentException("unknown write-back kind '" + kind + "'; expected one of "
                    + WriteBackKinds.ALL);
        }
    }
}
