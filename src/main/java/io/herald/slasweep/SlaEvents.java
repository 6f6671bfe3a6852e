package io.herald.slasweep;

import io.herald.domain.EventKey;
import io.herald.sla.Checkpoint;

/**
 * The events of Herald's own that carry SLA messages: one per fired checkpoint of a task, with the task id as
 * subject, so that its notifications, their delivery and their audit trail are kept like any event's.
 */
public final class SlaEvents {

    public static final String SOURCE = "urn:herald:sla";
    public static final String TYPE_PREFIX = "herald.sla.";

    private SlaEvents() {
    }

    public static EventKey of(String taskId, Checkpoint checkpoint) {
        return new EventKey(SOURCE, taskId + "/" + checkpoint.label());
    }

    public static String type(Checkpoint checkpoint) {
        return TYPE_PREFIX + checkpoint.kind();
    }
}
