package io.herald.writeback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.queue.QueueConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** Takes messages of the writeback queue: one delivery step for the named write-back. */
@ApplicationScoped
public class WriteBackConsumer implements QueueConsumer {

    private static final Logger LOG = Logger.getLogger(WriteBackConsumer.class);

    private final WriteBackWriter writer;
    private final ObjectMapper json;

    public WriteBackConsumer(WriteBackWriter writer, ObjectMapper json) {
        this.writer = writer;
        this.json = json;
    }

    @Override
    public String queue() {
        return WriteBackMessage.QUEUE;
    }

    @Override
    public void consume(String body) throws Exception {
        process(json.readValue(body, WriteBackMessage.class));
    }

    public void process(WriteBackMessage message) {
        if (message == null || message.writeBack() == null) {
            LOG.warnf("writeback message without a write-back id ignored");
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
