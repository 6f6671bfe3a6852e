package io.herald.routing;

import io.herald.events.EventPath;
import java.time.Duration;
import java.util.List;

/**
 * A rule's {@code group} block: its events that agree on the values at {@code by} are announced together, per
 * person and channel.
 *
 * @param by the event paths whose values make the group key; empty groups every event of the rule together
 * @param initialWait how long a new group collects events before its first announcement
 * @param interval the least time between two announcements of one group
 * @param repeat how long a group stays open after an announcement without new events; its next event then opens
 *        it afresh (announced after {@code initialWait}, counted from one)
 */
public record GroupSpec(List<EventPath> by, Duration initialWait, Duration interval, Duration repeat) {

    public GroupSpec {
        by = List.copyOf(by);
    }
}
