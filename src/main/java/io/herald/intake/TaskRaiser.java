package io.herald.intake;

import io.herald.audit.AuditTrail;
import io.herald.domain.SlaClock;
import io.herald.domain.StoredEvent;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.routing.PlannedTask;
import io.herald.sla.BusinessTime;
import io.herald.sla.SlaClocks;
import io.herald.store.TaskStore;
import io.herald.task.TaskIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Stores the tasks routing planned, before their notifications are sent, so that every action link points at a
 * stored task. A task whose rule names an SLA policy starts its clock, pinning the policy as it is now. Raising
 * the same tasks again is harmless.
 */
@ApplicationScoped
public class TaskRaiser {

    private final TaskStore tasks;
    private final AuditTrail audit;
    private final Clock clock;
    private final TaskIds ids;

    public TaskRaiser(TaskStore tasks, AuditTrail audit, Clock clock, TaskIds ids) {
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    public void raise(StoredEvent event, List<PlannedTask> planned) {
        Instant now = clock.instant();
        for (PlannedTask plan : planned) {
            SlaClock sla = plan.sla() == null ? null : SlaClocks.start(plan.sla(), target(plan, now),
                    plan.assignees(), now);
            Task task = new Task(ids.of(event.key(), plan.rule()), event.source(), event.id(), plan.rule(),
                    plan.title(), plan.entity(), plan.actions(), plan.assignees(), TaskStatus.OPEN, null, now, now, 0,
                    sla);
            if (tasks.insertTask(task)) {
                audit.record(event.key(), "task-raised", AuditTrail.HERALD, "task " + task.id() + " ("
                        + String.join("/", task.actions()) + ") for " + String.join(", ", task.assignees())
                        + (sla == null ? "" : "; due " + sla.dueAt() + " (SLA policy " + sla.policy().name() + " v"
                                + sla.policy().version() + ")"));
            }
        }
    }

    /** The SLA time allowed: the policy's target, or what the calendar counts until the event's deadline. */
    private static Duration target(PlannedTask plan, Instant now) {
        return plan.sla().target() != null ? plan.sla().target()
                : BusinessTime.between(plan.sla().calendar(), now, plan.dueAt());
    }
}
