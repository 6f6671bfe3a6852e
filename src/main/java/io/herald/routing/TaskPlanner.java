package io.herald.routing;

import io.herald.domain.EntityRef;
import java.util.List;
import java.util.Optional;

/** Builds the task a matching rule raises, reading its title and entity from the event. */
final class TaskPlanner {

    private TaskPlanner() {
    }

    /** @return the task, or empty when the event does not name the entity */
    static Optional<PlannedTask> plan(Rule rule, RoutableEvent event, List<String> assignees) {
        TaskSpec spec = rule.task();
        Optional<String> system = spec.system().text(event);
        Optional<String> type = spec.entityType().text(event);
        Optional<String> id = spec.entityId().text(event);
        if (system.isEmpty() || type.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        String title = spec.title() == null ? null : spec.title().text(event).orElse(null);
        return Optional.of(new PlannedTask(rule.name(), title == null ? event.event().getType() : title,
                new EntityRef(system.get(), type.get(), id.get()), spec.actions(), assignees));
    }
}
