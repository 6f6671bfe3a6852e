package io.herald.sla;

import io.herald.events.EntityPaths;
import java.util.Optional;
import java.util.Set;

/**
 * The source events that pause, resume or stop the clocks of one policy's tasks. An event type is in at most one
 * of the three sets (the policy file refuses anything else).
 *
 * @param entity where such an event names the record whose tasks it concerns
 * @param pause exact event types
 * @param resume exact event types
 * @param stop exact event types
 */
public record ClockEvents(EntityPaths entity, Set<String> pause, Set<String> resume, Set<String> stop) {

    public ClockEvents {
        pause = Set.copyOf(pause);
        resume = Set.copyOf(resume);
        stop = Set.copyOf(stop);
    }

    /** @return what an event of this type does to the clock, or empty if the policy does not listen to it */
    public Optional<ClockAction> action(String eventType) {
        if (pause.contains(eventType)) {
            return Optional.of(ClockAction.PAUSE);
        }
        if (resume.contains(eventType)) {
            return Optional.of(ClockAction.RESUME);
        }
        return stop.contains(eventType) ? Optional.of(ClockAction.STOP) : Optional.empty();
    }
}
