package io.herald.routing;

import io.herald.domain.EntityRef;
import java.util.List;

/**
 * A task routing decided to raise: the assignees may answer with one of the actions.
 *
 * @param rule the rule with the {@code task} block; its deliveries carry the action links
 * @param assignees directory user ids, in the order the rule resolved them
 */
public record PlannedTask(String rule, String title, EntityRef entity, List<String> actions, List<String> assignees) {

    public PlannedTask {
        actions = List.copyOf(actions);
        assignees = List.copyOf(assignees);
    }
}
