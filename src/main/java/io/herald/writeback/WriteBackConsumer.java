package io.herald.writeback;

import io.herald.queue.QueueMessages;
import io.herald.queue.WakeConsumer;
import jakarta.inject.Singleton;

/** Takes messages of the writeback queue: one delivery step for the named write-back. */
@Singleton
public class WriteBackConsumer extends WakeConsumer<WriteBackMessage> {

    private final WriteBackWriter writer;

    public WriteBackConsumer(WriteBackWriter writer, QueueMessages messages) {
        super(messages, WriteBackMessage.QUEUE, WriteBackMessage.class, "writeBackId");
        this.writer = writer;
    }

    @Override
    protected String workId(WriteBackMessage message) {
        return message.writeBack();
    }

    @Override
    protected void handle(WriteBackMessage message, String writeBackId) {
        writer.deliver(writeBackId);
    }
}
