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
 */
public record PlannedTask(String rule, String title, EntityRef entity, List<String> actions, List<String> assignees,
        SlaPolicy sla, Instant dueAt) {

    public PlannedTask {
        actions = List.copyOf(actions);
        assignees = List.copyOf(assignees);
    }

    /** A task without a deadline. */
    public PlannedTask(String rule, String title, EntityRef entity, List<String> actions, List<String> assignees) {
        this(rule, title, entity, actions, assignees, null, null);
    }
}
