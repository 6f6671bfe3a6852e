package io.herald.writeback;

import io.herald.queue.WakeCalls;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Wakes the writeback function for a stored write-back. */
@ApplicationScoped
public class WriteBackQueue {

    private final WakeCalls calls;

    public WriteBackQueue(WakeCalls calls) {
        this.calls = calls;
    }

    /** Asks for a delivery step for the write-back no earlier than {@code delay} from now. */
    public void wake(String writeBackId, Duration delay) {
        calls.post(WriteBackMessage.QUEUE, new WriteBackMessage(writeBackId), delay);
    }
}
