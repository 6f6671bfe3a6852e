package io.herald.routing;

import io.herald.domain.Channel;
import io.herald.domain.Priority;
import io.herald.events.RoutableEvent;
import java.util.List;

/**
 * A routing rule as loaded: checked against the directory and with its condition compiled.
 *
 * @param order position in the rules file, from 0; breaks priority ties between rules
 * @param condition null when the rule has none
 * @param task null unless the rule raises a task
 * @param group null unless the rule announces its events in groups
 * @param throttle null unless the rule limits how many of its notifications a person gets per period
 * @param announce null unless the rule publishes announcements (its {@code recipients} are empty then)
 */
record Rule(int order, String name, EventMatch match, Condition condition, List<RecipientSpec> recipients,
        String template, List<Channel> channels, Priority priority, TaskSpec task, GroupSpec group,
        ThrottleSpec throttle, AnnounceSpec announce) {

    /** Type matching is left to {@link RuleSet}'s index; this checks the source and the condition. */
    boolean applies(RoutableEvent event) {
        return match.matchesSource(event.event().getSource()) && (condition == null || condition.test(event));
    }
}
