package io.herald.queue;

/**
 * Processes messages of one queue. A consumer returns normally when the message is done (even if the work
 * turned out to be already done); it throws when the message should be delivered again.
 */
public interface QueueConsumer {

    /** The queue name, as declared in {@code functions.yaml}. */
    String queue();

    void consume(String body) throws Exception;
}
