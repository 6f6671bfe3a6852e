package io.herald.writeback;

import io.herald.queue.QueueConsumer;
import io.herald.queue.QueueMessages;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;

/** Takes messages of the writeback queue: one delivery step for the named write-back. */
@ApplicationScoped
public class WriteBackConsumer implements QueueConsumer {

    private final WriteBackWriter writer;
    private final QueueMessages messages;

    public WriteBackConsumer(WriteBackWriter writer, QueueMessages messages) {
        this.writer = writer;
        this.messages = messages;
    }

    @Override
    public String queue() {
        return WriteBackMessage.QUEUE;
    }

    @Override
    public void consume(String body) {
        messages.read(queue(), body, WriteBackMessage.class).ifPresent(this::process);
    }

    public void process(WriteBackMessage message) {
        if (message == null || message.writeBack() == null) {
            messages.dropped(queue(), "no write-back id");
            return;
        }
        MDC.put("writeBackId", message.writeBack());
        try {
            writer.deliver(message.writeBack());
        } finally {
            MDC.remove("writeBackId");
            MDC.remove("eventId");
        }
    }
}
