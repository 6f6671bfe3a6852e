package io.herald.routing;

import io.herald.events.EventPath;
import io.herald.sla.SlaPolicyConfig;
import java.util.List;

/**
 * A rule's {@code task} block: the rule's recipients become the task's assignees and get one action link per
 * action; the event names the record the task is about.
 *
 * @param title where the event holds a short title, or null (the event type is used)
 * @param sla the SLA policy the task's clock follows, or null when the task has no deadline
 * @param reasonRequired the actions whose answer must give a reason (for example {@code reject}); each one of
 *        {@code actions}
 */
record TaskSpec(List<String> actions, EventPath title, EventPath system, EventPath entityType, EventPath entityId,
        SlaPolicyConfig sla, List<String> reasonRequired) {
}
