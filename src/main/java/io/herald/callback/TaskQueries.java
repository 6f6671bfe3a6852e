package io.herald.callback;

import io.herald.audit.AuditTrail;
import io.herald.domain.AuditEntry;
import io.herald.domain.EntityRef;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.domain.WriteBack;
import io.herald.http.ProblemException;
import io.herald.store.Store;
import io.herald.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Read-only JSON views of tasks: open or answered ones by assignee, all of one source entity, and one task. */
@ApplicationScoped
public class TaskQueries {

    private static final int MAX_LIMIT = 500;

    private final TaskStore tasks;
    private final Store store;
    private final AuditTrail audit;

    public TaskQueries(TaskStore tasks, Store store, AuditTrail audit) {
        this.tasks = tasks;
        this.store = store;
        this.audit = audit;
    }

    /** One task with its write-backs and its timeline (the steps of its event that concern it). */
    public record TaskView(Task task, List<WriteBack> writeBacks, List<AuditEntry> timeline) {
    }

    public Map<String, List<Task>> list(Map<String, String> query) {
        int limit = limit(query.get("limit"));
        if (query.containsKey("assignee")) {
            TaskStatus status = status(query.getOrDefault("status", "open"));
            return Map.of("tasks", tasks.tasksOfAssignee(query.get("assignee"), status, limit));
        }
        if (query.containsKey("system") && query.containsKey("type") && query.containsKey("id")) {
            EntityRef entity = new EntityRef(query.get("system"), query.get("type"), query.get("id"));
            return Map.of("tasks", tasks.tasksOfEntity(entity.key(), limit));
        }
        throw new ProblemException(400, "Bad Request",
                "name an assignee (and a status: open or answered), or an entity with system, type and id");
    }

    /** @param caller the operator reading, recorded in the task's timeline; null when nobody signed in */
    public TaskView one(String id, String caller) {
        Task task = tasks.findTask(id).orElseThrow(() -> new ProblemException(404, "Not Found", "no such task"));
        List<AuditEntry> timeline = store.auditOf(task.eventKey()).stream()
                .filter(entry -> concerns(entry, task))
                .toList();
        TaskView view = new TaskView(task, tasks.writeBacksOfTask(id), timeline);
        if (caller != null) {
            audit.record(task.eventKey(), "task-read", caller, "task " + id);
        }
        return view;
    }

    /** The event's own steps, the task's steps, and the messages to its assignees. */
    private static boolean concerns(AuditEntry entry, Task task) {
        if (entry.step().equals("received") || entry.step().equals("routed")
                || task.assignees().contains(entry.actor())) {
            return true;
        }
        String detail = entry.detail() == null ? "" : entry.detail();
        return detail.contains(task.id()) || task.assignees().stream().anyMatch(a -> detail.contains(" to " + a));
    }

    private static TaskStatus status(String text) {
        try {
            return TaskStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad Request", "status must be open or answered");
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return 50;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "Bad Request", "limit must be a whole number from 1 to " + MAX_LIMIT);
        }
    }
}
