package io.herald.queue;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.metrics.HeraldMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads the JSON body of a queue message. A body that cannot be read is dropped at once, logged and counted
 * ({@code herald_queue_messages_dropped_total}) rather than thrown back to the queue: every redelivery would fail the
 * same way. The work a message wakes lives in the store, so the sweep still finds it.
 */
@ApplicationScoped
public class QueueMessages {

    private static final Logger LOG = Logger.getLogger(QueueMessages.class);
    private static final int MAX_REASON = 200;

    private final ObjectMapper json;
    private final HeraldMetrics metrics;

    public QueueMessages(ObjectMapper json, HeraldMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    /** @return the message, or empty when the body is not one (the message is then dropped) */
    public <T> Optional<T> read(String queue, String body, Class<T> type) {
        try {
            T message = body == null ? null : json.readValue(body, type);
            if (message == null) {
                return dropped(queue, "the body is empty or null");
            }
            return Optional.of(message);
        } catch (JacksonException e) {
            String reason = e.getOriginalMessage();
            return dropped(queue, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason);
        }
    }

    /** Drops a message that was read but names nothing to do. */
    public <T> Optional<T> dropped(String queue, String reason) {
        metrics.messageDropped(queue);
        LOG.errorf("message on queue %s dropped: %s", queue, reason);
        return Optional.empty();
    }
}
