package io.herald.writeback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.queue.WorkQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Wakes the writeback function for a stored write-back. */
@ApplicationScoped
public class WriteBackQueue {

    private final WorkQueue queue;
    private final ObjectMapper json;

    public WriteBackQueue(WorkQueue queue, ObjectMapper json) {
        this.queue = queue;
        this.json = json;
    }

    /** Asks for a delivery step for the write-back no earlier than {@code delay} from now. */
    public void wake(String writeBackId, Duration delay) {
        try {
            queue.send(WriteBackMessage.QUEUE, json.writeValueAsString(new WriteBackMessage(writeBackId)),
                    delay.isNegative() ? Duration.ZERO : delay);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
