package io.herald.routing;

import io.herald.domain.EntityRef;
import io.herald.domain.SlaPolicy;
import io.herald.events.RoutableEvent;
import io.herald.sla.SlaPolicyConfig;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Builds the task a matching rule raises, reading its title, entity and, if its policy says so, its deadline. */
final class TaskPlanner {

    private TaskPlanner() {
    }

    /**
     * @param problems receives what the event lacks, naming the rule: no entity means no task; no readable
     *        deadline for a policy that takes it from the event means a task without an SLA
     * @return the task, or empty when the event does not name the entity
     */
    static Optional<PlannedTask> plan(Rule rule, RoutableEvent event, List<String> assignees,
            Collection<String> problems) {
        TaskSpec spec = rule.task();
        Optional<String> system = spec.system().text(event);
        Optional<String> type = spec.entityType().text(event);
        Optional<String> id = spec.entityId().text(event);
        if (system.isEmpty() || type.isEmpty() || id.isEmpty()) {
            problems.add("rule '" + rule.name() + "': the event does not name the task's entity (" + spec.system()
                    + ", " + spec.entityType() + ", " + spec.entityId() + ")");
            return Optional.empty();
        }
        String title = spec.title() == null ? null : spec.title().text(event).orElse(null);
        SlaPolicy sla = spec.sla() == null ? null : spec.sla().policy();
        Instant dueAt = null;
        if (spec.sla() != null && spec.sla().due() != null) {
            dueAt = due(rule, spec.sla(), event, problems).orElse(null);
            sla = dueAt == null ? null : sla;
        }
        PlannedTask.ValueSources fields = new PlannedTask.ValueSources(title == null ? "type" : spec.title().toString(),
                spec.system().toString(), spec.entityType().toString(), spec.entityId().toString(),
                spec.sla() == null || spec.sla().due() == null ? null : spec.sla().due().toString());
        return Optional.of(new PlannedTask(rule.name(), title == null ? event.event().getType() : title,
                new EntityRef(system.get(), type.get(), id.get()), spec.actions(), assignees, sla, dueAt, fields));
    }

    private static Optional<Instant> due(Rule rule, SlaPolicyConfig policy, RoutableEvent event,
            Collection<String> problems) {
        String where = "rule '" + rule.name() + "': SLA policy '" + policy.name() + "': ";
        Optional<String> text = policy.due().text(event);
        if (text.isEmpty()) {
            problems.add(where + "the event has no deadline at " + policy.due() + "; the task has no SLA");
            return Optional.empty();
        }
        Optional<Instant> due = Rfc3339.parse(text.get());
        if (due.isEmpty()) {
            // The value is the sender's and may be anything; the path says enough to find it.
            problems.add(where + "the deadline at " + policy.due() + " is not an RFC 3339 time; the task has no SLA");
        }
        return due;
    }
}
