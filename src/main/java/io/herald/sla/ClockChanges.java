package io.herald.sla;

import io.cloudevents.CloudEvent;
import io.herald.audit.AuditTrail;
import io.herald.domain.SlaClock;
import io.herald.domain.StoredEvent;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.store.StoreLimits;
import io.herald.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies what a source event asks of SLA clocks (pause, resume, stop) to the open tasks about its entity whose
 * policy listens to its type. Each change is one conditional update of the task; applying the same event again
 * finds the clock already changed and does nothing, so intake may repeat it after a crash.
 */
@ApplicationScoped
public class ClockChanges {

    /** More open tasks than this about one record would be a routing mistake, not a workload. */
    private static final int MAX_TASKS_PER_ENTITY = 100;

    private final SlaPolicies policies;
    private final TaskStore tasks;
    private final AuditTrail audit;
    private final Clock clock;

    public ClockChanges(SlaPolicies policies, TaskStore tasks, AuditTrail audit, Clock clock) {
        this.policies = policies;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether {@link #apply} could change anything for this event: some policy listens to its type. */
    public boolean concerns(CloudEvent cloudEvent) {
        return !policies.clockCommands(cloudEvent).isEmpty();
    }

    public void apply(StoredEvent event, CloudEvent cloudEvent) {
        for (ClockCommand command : policies.clockCommands(cloudEvent)) {
            if (!StoreLimits.fits(command.entity())) {
                // No task can be about it, and a key this long is refused by DynamoDB even in a lookup.
                continue;
            }
            for (Task task : tasks.tasksOfEntity(command.entity().key(), MAX_TASKS_PER_ENTITY)) {
                if (task.sla() != null && task.sla().policy().name().equals(command.policy())) {
                    apply(task, command.action(), event);
                }
            }
        }
    }

    private void apply(Task found, ClockAction action, StoredEvent event) {
        Task task = found;
        // Sources may deliver out of order: a change is judged by when it happened, not when it arrived.
        Instant happenedAt = event.time() != null ? event.time() : event.receivedAt();
        while (task.status() == TaskStatus.OPEN) {
            if (!task.sla().acceptsChangeFrom(happenedAt)) {
                audit.record(task.eventKey(), "sla-change-ignored", event.source(), "task " + task.id() + ": "
                        + event.type() + " " + event.id() + " happened at " + happenedAt + ", before the change of "
                        + task.sla().changedAt() + " already applied");
                return;
            }
            Instant now = clock.instant();
            SlaClock changed = switch (action) {
                case PAUSE -> SlaClocks.paused(task.sla(), now);
                case RESUME -> SlaClocks.resumed(task.sla(), now);
                case STOP -> task.sla().stopped();
            };
            if (!changed.equals(task.sla())) {
                changed = changed.changedAt(happenedAt);
            }
            if (changed.equals(task.sla())) {
                return;
            }
            Optional<Task> stored = tasks.updateTask(task.withSla(changed, task.assignees(), now));
            if (stored.isPresent()) {
                String step = "sla-" + switch (action) {
                    case PAUSE -> "paused";
                    case RESUME -> "resumed";
                    case STOP -> "stopped";
                };
                audit.record(task.eventKey(), step, event.source(), "task " + task.id() + ": clock "
                        + changed.state().name().toLowerCase(Locale.ROOT) + " by " + event.type() + " " + event.id()
                        + (changed.dueAt() == null ? "" : "; due " + changed.dueAt()));
                return;
            }
            task = tasks.findTask(found.id()).orElse(null);
            if (task == null || task.sla() == null) {
                return;
            }
        }
    }
}
