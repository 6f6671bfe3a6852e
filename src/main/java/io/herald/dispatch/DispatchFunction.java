package io.herald.dispatch;

import io.herald.work.DispatchMessage;
import io.quarkus.funqy.Funq;
import java.util.List;

/**
 * The dispatch function as a Funqy function: any HTTP platform (and local mode, at {@code POST /dispatch}) can
 * hand it a batch of dispatch messages. Each message only names stored work, so posting one twice is harmless.
 */
public class DispatchFunction {

    private final DispatchConsumer consumer;

    public DispatchFunction(DispatchConsumer consumer) {
        this.consumer = consumer;
    }

    /** @return how many messages were processed */
    @Funq("dispatch")
    public int dispatch(List<DispatchMessage> messages) {
        messages.forEach(consumer::process);
        return messages.size();
    }
}
