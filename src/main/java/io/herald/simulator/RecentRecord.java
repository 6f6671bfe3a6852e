package io.herald.simulator;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The last {@code limit} things a simulator recorded, oldest first. A simulator that runs for days in local mode
 * would otherwise keep everything it was ever sent. Not thread-safe: its owner guards it.
 *
 * @param <T> what is recorded
 */
public final class RecentRecord<T> {

    /** Each simulator keeps this many of each kind of record unless {@value #LIMIT_SETTING} says otherwise. */
    public static final int DEFAULT_LIMIT = 50_000;
    public static final String LIMIT_SETTING = "herald.simulators.record-limit";

    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final int limit;
    private final Consumer<T> forgotten;

    /**
     * @param limit how many items are kept, at least 1
     * @param forgotten told of each item pushed out by a newer one, so that its owner can drop what it indexed
     */
    public RecentRecord(int limit, Consumer<T> forgotten) {
        this.limit = requireValidLimit(limit);
        this.forgotten = forgotten;
    }

    /**
     * @return {@code limit}
     * @throws IllegalArgumentException naming {@value #LIMIT_SETTING} when it is below 1
     */
    public static int requireValidLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException(LIMIT_SETTING + " must be at least 1, not " + limit);
        }
        return limit;
    }

    /** Adds {@code item} as the newest, pushing out the oldest when the record is full. */
    public void add(T item) {
        items.addLast(item);
        if (items.size() > limit) {
            forgotten.accept(items.removeFirst());
        }
    }

    /** A copy of what is kept, oldest first. */
    public List<T> list() {
        return List.copyOf(items);
    }

    public Stream<T> stream() {
        return items.stream();
    }

    /** Forgets everything, without telling {@code forgotten}: its owner clears its indexes itself. */
    public void clear() {
        items.clear();
    }
}
