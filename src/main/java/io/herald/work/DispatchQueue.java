package io.herald.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.queue.WorkQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Wakes the dispatch function for a stored notification. */
@ApplicationScoped
public class DispatchQueue {

    private final WorkQueue queue;
    private final ObjectMapper json;

    public DispatchQueue(WorkQueue queue, ObjectMapper json) {
        this.queue = queue;
        this.json = json;
    }

    public void send(String notificationId, Duration delay) {
        post(DispatchMessage.send(notificationId), delay);
    }

    public void checkStatus(String notificationId, Duration delay) {
        post(DispatchMessage.status(notificationId), delay);
    }

    private void post(DispatchMessage message, Duration delay) {
        try {
            queue.send(DispatchMessage.QUEUE, json.writeValueAsString(message), delay);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
