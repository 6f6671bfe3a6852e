package io.herald.task;

import io.herald.audit.AuditTrail;
import io.herald.domain.StoredEvent;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.routing.PlannedTask;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Stores the tasks routing planned, before their notifications are sent, so that every action link points at a
 * stored task. Raising the same tasks again is harmless.
 */
@ApplicationScoped
public class TaskRaiser {

    private final TaskStore tasks;
    private final AuditTrail audit;
    private final Clock clock;

    public TaskRaiser(TaskStore tasks, AuditTrail audit, Clock clock) {
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    public void raise(StoredEvent event, List<PlannedTask> planned) {
        Instant now = clock.instant();
        for (PlannedTask plan : planned) {
            Task task = new Task(TaskIds.of(event.key(), plan.rule()), event.source(), event.id(), plan.rule(),
                    plan.title(), plan.entity(), plan.actions(), plan.assignees(), TaskStatus.OPEN, null, now, now, 0);
            if (tasks.insertTask(task)) {
                audit.record(event.key(), "task-raised", AuditTrail.HERALD, "task " + task.id() + " ("
                        + String.join("/", task.actions()) + ") for " + String.join(", ", task.assignees()));
            }
        }
    }
}
