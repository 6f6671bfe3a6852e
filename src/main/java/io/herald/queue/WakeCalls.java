package io.herald.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Posts a wake-up message, a JSON body naming stored work, to a queue of {@code functions.yaml}. */
@ApplicationScoped
public class WakeCalls {

    private final WorkQueue queue;
    private final ObjectMapper json;

    public WakeCalls(WorkQueue queue, ObjectMapper json) {
        this.queue = queue;
        this.json = json;
    }

    /** @param delay how long from now the message becomes visible; a negative one counts as none */
    public void post(String queueName, Object message, Duration delay) {
        try {
            queue.send(queueName, json.writeValueAsString(message), delay.isNegative() ? Duration.ZERO : delay);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
