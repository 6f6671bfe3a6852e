package io.herald.writeback;

import io.quarkus.funqy.Funq;
import java.util.List;

/**
 * The writeback function as a Funqy function: any HTTP platform (and local mode, at {@code POST /writeback}) can
 * hand it a batch of writeback messages. Each message only names a stored write-back, so posting one twice is
 * harmless.
 */
public class WriteBackFunction {

    private final WriteBackConsumer consumer;

    public WriteBackFunction(WriteBackConsumer consumer) {
        this.consumer = consumer;
    }

    /** @return how many messages were processed */
    @Funq("writeback")
    public int writeback(List<WriteBackMessage> messages) {
        messages.forEach(consumer::process);
        return messages.size();
    }
}
