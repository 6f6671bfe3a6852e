package io.herald.queue;

import org.jboss.logging.MDC;

/**
 * Takes the wake-up messages of one queue: each names one piece of stored work, and its id is in every log line
 * written while the work is handled. A message that names nothing is dropped and counted ({@link QueueMessages}).
 * Subclasses are {@code @Singleton} beans: a client proxy would need a constructor without arguments.
 *
 * @param <M> the message body
 */
public abstract class WakeConsumer<M> implements QueueConsumer {

    private final QueueMessages messages;
    private final String queue;
    private final Class<M> type;
    private final String logKey;

    /** @param logKey the log context key of the work's id, such as {@code notificationId} */
    protected WakeConsumer(QueueMessages messages, String queue, Class<M> type, String logKey) {
        this.messages = messages;
        this.queue = queue;
        this.type = type;
        this.logKey = logKey;
    }

    @Override
    public String queue() {
        return queue;
    }

    @Override
    public void consume(String body) {
        messages.read(queue, body, type).ifPresent(this::process);
    }

    /** Handles a message already read, from the queue or from a batch posted to the function. */
    public void process(M message) {
        String id = message == null ? null : workId(message);
        if (id == null) {
            messages.dropped(queue, "no " + logKey);
            return;
        }
        MDC.put(logKey, id);
        try {
            handle(message, id);
        } finally {
            MDC.remove(logKey);
            MDC.remove("eventId");
        }
    }

    /** The id of the stored work the message names, or null. */
    protected abstract String workId(M message);

    protected abstract void handle(M message, String workId);

    /** Drops a message that names work but nothing to do with it. */
    protected void dropped(String reason) {
        messages.dropped(queue, reason);
    }
}
