package io.herald.store.dynamodb;

import io.herald.domain.EventKey;
import java.time.Instant;

/** Key attributes composed of several fields. */
final class Keys {

    private Keys() {
    }

    /**
     * One string for an event's (source, id), the partition of its notifications' index and its audit trail. A
     * line feed separates them because no CloudEvents source (a URI reference) contains one.
     */
    static String event(EventKey event) {
        return event.source() + "\n" + event.id();
    }

    /** Sorts by time, then by id, as a string: {@link Micros#sortable} microseconds, {@code #}, id. */
    static String timeOrdered(Instant at, String id) {
        return Micros.sortable(Micros.of(at)) + "#" + id;
    }

    /** The start every {@link #timeOrdered} key of {@code at}'s microsecond shares. */
    static String timeOrderedPrefix(Instant at) {
        return Micros.sortable(Micros.of(at)) + "#";
    }

    /**
     * Sorts after every {@link #timeOrdered} key of {@code at}'s microsecond or earlier, and before every later
     * one: the digits of the next microsecond, which differ from those of earlier keys before their {@code #}.
     */
    static String timeOrderedAfter(Instant at) {
        return Micros.sortable(Math.addExact(Micros.of(at), 1));
    }
}
