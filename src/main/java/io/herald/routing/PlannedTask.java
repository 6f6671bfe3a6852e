package io.herald.routing;

import io.herald.domain.EntityRef;
import io.herald.domain.SlaPolicy;
import java.time.Instant;
import java.util.List;

/**
 * A task routing decided to raise: the assignees may answer with one of the actions.
 *
 * @param rule the rule with the {@code task} block; its deliveries carry the action links
 * @param assignees directory user ids, in the order the rule resolved them
 * @param sla the SLA policy as loaded when the event was routed, for the task to pin; null when the task has no
 *        deadline, or its policy takes the deadline from the event and the event gave none that could be read
 * @param dueAt the deadline the event set, for a policy that takes it from the event ({@code sla.target()} is
 *        null); null otherwise. Never null when {@code sla} is set and {@code sla.target()} is null.
 * @param fields where the event held each value, so that a value Herald cannot keep is refused by its name
 */
public record PlannedTask(String rule, String title, EntityRef entity, List<String> actions, List<String> assignees,
        SlaPolicy sla, Instant dueAt, ValueSources fields) {

    public PlannedTask {
        actions = List.copyOf(actions);
        assignees = List.copyOf(assignees);
        fields = fields == null ? ValueSources.UNNAMED : fields;
    }

    public PlannedTask(String rule, String title, EntityRef entity, List<String> actions, List<String> assignees,
            SlaPolicy sla, Instant dueAt) {
        this(rule, title, entity, actions, assignees, sla, dueAt, null);
    }

    /** A task without a deadline. */
    public PlannedTask(String rule, String title, EntityRef entity, List<String> actions, List<String> assignees) {
        this(rule, title, entity, actions, assignees, null, null, null);
    }

    /** Event paths (e.g. {@code data.entityId}) of the task's values; {@code dueAt} is null without one. */
    public record ValueSources(String title, String system, String type, String id, String dueAt) {

        static final ValueSources UNNAMED = new ValueSources("title", "entity system", "entity type", "entity id", "deadline");
    }
}
