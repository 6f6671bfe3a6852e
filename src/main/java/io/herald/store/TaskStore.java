package io.herald.store;

import io.herald.domain.Decision;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.domain.WriteBack;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable memory of tasks, the action links used on them, and write-backs to xConnector.
 *
 * <p>Like {@link io.herald.store.Store}: every write decides on one item with an insert-if-absent or an update
 * conditional on the version read, so a key-value store can implement it without transactions. The one index
 * that spans items, a task's assignees, is kept in extra per-assignee records written after the task; repeating
 * an interrupted {@link #insertTask} or {@link #updateTask} completes them, and until then
 * {@link #tasksOfAssignee} may miss the task but never returns one in a wrong state. When a method returns the
 * write is durable. Implementations are thread-safe.
 */
public interface TaskStore {

    /** @return false if a task with the same id exists (left untouched) */
    boolean insertTask(Task task);

    Optional<Task> findTask(String id);

    /**
     * Replaces a task if its stored version is still {@code updated.version()}; the stored copy then carries
     * version + 1.
     *
     * @return the stored task, or empty if it changed meanwhile (for a decision: someone else decided first)
     */
    Optional<Task> updateTask(Task updated);

    /** Tasks with the given status assigned to a user, newest first. */
    List<Task> tasksOfAssignee(String userId, TaskStatus status, int limit);

    /** Tasks about one entity ({@link io.herald.domain.EntityRef#key()}), newest first. */
    List<Task> tasksOfEntity(String entityKey, int limit);

    /**
     * Every open task, newest first (by creation, then id), one page at a time: at most {@code limit} tasks after
     * {@code after} (the {@link OpenTasksPage#next} of the page before; null for the first page). Served by an
     * index of tasks by status and creation, so a page costs its size however many tasks there are; answered tasks
     * are never read. Like the other lists, on a store with eventually consistent indexes a task is listed as it
     * was indexed, which may be an update behind.
     *
     * @param limit at least 1
     */
    OpenTasksPage openTasks(OpenTasksCursor after, int limit);

    /**
     * One page of {@link #openTasks}.
     *
     * @param next where the following page starts; null when no open task follows
     */
    record OpenTasksPage(List<Task> tasks, OpenTasksCursor next) {

        public OpenTasksPage {
            tasks = List.copyOf(tasks);
        }

        /** The page of the first {@code limit} of these tasks, read one beyond the limit to know if more follow. */
        public static OpenTasksPage of(List<Task> readOneMore, int limit) {
            if (readOneMore.size() <= limit) {
                return new OpenTasksPage(readOneMore, null);
            }
            List<Task> page = readOneMore.subList(0, limit);
            return new OpenTasksPage(page, OpenTasksCursor.after(page.get(limit - 1)));
        }
    }

    /** Tasks of one event, oldest first. */
    List<Task> tasksOfEvent(String eventSource, String eventId);

    /**
     * Records that an action link was used for a decision.
     *
     * @return false if that token was used before (the stored use is left untouched)
     */
    boolean recordTokenUse(String tokenId, String taskId, Decision decision);

    /** The decision recorded with a token, if it was used. */
    Optional<Decision> tokenUse(String tokenId);

    /** @return false if a write-back with the same id exists (left untouched) */
    boolean insertWriteBack(WriteBack writeBack);

    Optional<WriteBack> findWriteBack(String id);

    /** Conditional on version, like {@link #updateTask}. */
    Optional<WriteBack> updateWriteBack(WriteBack updated);

    /** Write-backs of one entity not yet DELIVERED or DEAD, oldest ({@code createdAt}, then id) first. */
    List<WriteBack> openWriteBacksOf(String entityKey, int limit);

    /**
     * PENDING write-backs due by {@code now}, SENDING ones whose lease ended and DEAD ones owing their alert since
     * (a dead write-back keeps a {@code nextAttemptAt} only while it owes one), oldest due first.
     */
    List<WriteBack> dueWriteBacks(Instant now, int limit);

    /**
     * DEAD write-backs, most recently changed ({@link WriteBack#updatedAt}) first, at most {@code limit}: the ones
     * an operator may deliver again. Served by an index, so the cost follows the limit.
     */
    List<WriteBack> deadWriteBacks(int limit);

    /** Write-backs of one task, oldest first. */
    List<WriteBack> writeBacksOfTask(String taskId);

    /**
     * Tasks whose SLA clock has a check due: {@code sla().nextCheckAt()} at or before {@code now}, earliest first
     * (ties in id order). Served by an index on the next check time, so its cost follows the number of due tasks,
     * not the number of open ones; tasks without a clock or without a next check are not in that index.
     *
     * <p>The comparison with {@code now} is exact to the nanosecond, although indexes keep microseconds; the order
     * is by the check time at microsecond precision, so checks within one microsecond come in id order. Like the
     * other lists, a task is returned as it was indexed, which on a store with eventually consistent indexes may
     * be an update behind: act on it through {@link #updateTask}, whose version condition refuses a stale copy.
     */
    List<Task> dueSlaChecks(Instant now, int limit);
}
