package io.herald.task;

import io.herald.domain.Decision;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link TaskStore} in memory for tests, keeping the port's promises: inserts leave an existing item untouched,
 * updates succeed only on the version read and store version + 1, and every list has the promised order. One lock
 * makes every method atomic, which is all the port asks of a real store's single-item writes.
 */
public class InMemoryTaskStore implements TaskStore {

    private static final Comparator<Task> TASKS_OLDEST_FIRST =
            Comparator.comparing(Task::createdAt).thenComparing(Task::id);
    private static final Comparator<WriteBack> WRITE_BACKS_OLDEST_FIRST =
            Comparator.comparing(WriteBack::createdAt).thenComparing(WriteBack::id);

    private final Map<String, Task> tasks = new HashMap<>();
    private final Map<String, Decision> tokenUses = new HashMap<>();
    private final Map<String, WriteBack> writeBacks = new HashMap<>();

    @Override
    public synchronized boolean insertTask(Task task) {
        return tasks.putIfAbsent(task.id(), task) == null;
    }

    @Override
    public synchronized Optional<Task> findTask(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    @Override
    public synchronized Optional<Task> updateTask(Task updated) {
        Task stored = tasks.get(updated.id());
        if (stored == null || stored.version() != updated.version()) {
            return Optional.empty();
        }
        Task next = new Task(updated.id(), updated.eventSource(), updated.eventId(), updated.rule(), updated.title(),
                updated.entity(), updated.actions(), updated.assignees(), updated.status(), updated.decision(),
                updated.createdAt(), updated.updatedAt(), updated.version() + 1);
        tasks.put(next.id(), next);
        return Optional.of(next);
    }

    @Override
    public synchronized List<Task> tasksOfAssignee(String userId, TaskStatus status, int limit) {
        return tasks(t -> t.status() == status && t.assignees().contains(userId), TASKS_OLDEST_FIRST.reversed(),
                limit);
    }

    @Override
    public synchronized List<Task> tasksOfEntity(String entityKey, int limit) {
        return tasks(t -> t.entity() != null && t.entity().key().equals(entityKey), TASKS_OLDEST_FIRST.reversed(),
                limit);
    }

    @Override
    public synchronized List<Task> tasksOfEvent(String eventSource, String eventId) {
        return tasks(t -> t.eventSource().equals(eventSource) && t.eventId().equals(eventId), TASKS_OLDEST_FIRST,
                Integer.MAX_VALUE);
    }

    @Override
    public synchronized boolean recordTokenUse(String tokenId, String taskId, Decision decision) {
        return tokenUses.putIfAbsent(tokenId, decision) == null;
    }

    @Override
    public synchronized Optional<Decision> tokenUse(String tokenId) {
        return Optional.ofNullable(tokenUses.get(tokenId));
    }

    @Override
    public synchronized boolean insertWriteBack(WriteBack writeBack) {
        return writeBacks.putIfAbsent(writeBack.id(), writeBack) == null;
    }

    @Override
    public synchronized Optional<WriteBack> findWriteBack(String id) {
        return Optional.ofNullable(writeBacks.get(id));
    }

    @Override
    public synchronized Optional<WriteBack> updateWriteBack(WriteBack updated) {
        WriteBack stored = writeBacks.get(updated.id());
        if (stored == null || stored.version() != updated.version()) {
            return Optional.empty();
        }
        WriteBack next = new WriteBack(updated.id(), updated.taskId(), updated.eventSource(), updated.eventId(),
                updated.entity(), updated.kind(), updated.action(), updated.actor(), updated.comment(),
                updated.occurredAt(), updated.status(), updated.attempts(), updated.nextAttemptAt(),
                updated.lastError(), updated.createdAt(), updated.updatedAt(), updated.version() + 1);
        writeBacks.put(next.id(), next);
        return Optional.of(next);
    }

    @Override
    public synchronized List<WriteBack> openWriteBacksOf(String entityKey, int limit) {
        return writeBacks.values().stream()
                .filter(w -> w.entity().key().equals(entityKey) && isOpen(w))
                .sorted(WRITE_BACKS_OLDEST_FIRST).limit(limit).toList();
    }

    @Override
    public synchronized List<WriteBack> dueWriteBacks(Instant now, int limit) {
        return writeBacks.values().stream()
                .filter(w -> isOpen(w) && !w.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(WriteBack::nextAttemptAt).thenComparing(WriteBack::id))
                .limit(limit).toList();
    }

    @Override
    public synchronized List<WriteBack> writeBacksOfTask(String taskId) {
        return writeBacks.values().stream().filter(w -> Objects.equals(w.taskId(), taskId))
                .sorted(WRITE_BACKS_OLDEST_FIRST).toList();
    }

    private List<Task> tasks(Predicate<Task> filter, Comparator<Task> order, int limit) {
        return tasks.values().stream().filter(filter).sorted(order).limit(limit).toList();
    }

    private static boolean isOpen(WriteBack writeBack) {
        return writeBack.status() == WriteBackStatus.PENDING || writeBack.status() == WriteBackStatus.SENDING;
    }
}
