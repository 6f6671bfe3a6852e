package io.herald.work;

import io.herald.queue.WakeCalls;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Wakes the dispatch function for a stored notification or announcement page. */
@ApplicationScoped
public class DispatchQueue {

    private final WakeCalls calls;

    public DispatchQueue(WakeCalls calls) {
        this.calls = calls;
    }

    public void send(String notificationId, Duration delay) {
        calls.post(DispatchMessage.QUEUE, DispatchMessage.send(notificationId), delay);
    }

    public void sendPage(String pageId, Duration delay) {
        calls.post(DispatchMessage.QUEUE, DispatchMessage.page(pageId), delay);
    }

    public void checkPageStatus(String pageId, Duration delay) {
        calls.post(DispatchMessage.QUEUE, DispatchMessage.pageStatus(pageId), delay);
    }

    public void checkStatus(String notificationId, Duration delay) {
        calls.post(DispatchMessage.QUEUE, DispatchMessage.status(notificationId), delay);
    }
}
