package io.herald.queue;

import java.time.Duration;

/**
 * Wakes a function up to process work that is already in the store.
 *
 * <p>A message carries only a reference to stored work, never the work itself: losing a message loses
 * nothing, because the store is re-read on start-up and by the sweep. Delivery is at least once, so
 * consumers must be idempotent.
 */
public interface WorkQueue {

    /**
     * Sends {@code body} to the named queue, to be delivered no earlier than {@code delay} from now.
     *
     * @param queue a queue name declared in {@code functions.yaml}
     */
    void send(String queue, String body, Duration delay);

    default void send(String queue, String body) {
        send(queue, body, Duration.ZERO);
    }

    /** Messages waiting (including delayed ones) on the named queue, or -1 when the queue cannot tell. */
    long depth(String queue);
}
