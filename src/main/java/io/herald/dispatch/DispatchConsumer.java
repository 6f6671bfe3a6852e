package io.herald.dispatch;

import io.herald.queue.QueueConsumer;
import io.herald.queue.QueueMessages;
import io.herald.work.DispatchMessage;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;

/** Takes messages of the dispatch queue: send a notification, or check its delivery. */
@ApplicationScoped
public class DispatchConsumer implements QueueConsumer {

    private final Dispatcher dispatcher;
    private final DeliveryStatusCheck statusCheck;
    private final QueueMessages messages;

    public DispatchConsumer(Dispatcher dispatcher, DeliveryStatusCheck statusCheck, QueueMessages messages) {
        this.dispatcher = dispatcher;
        this.statusCheck = statusCheck;
        this.messages = messages;
    }

    @Override
    public String queue() {
        return DispatchMessage.QUEUE;
    }

    @Override
    public void consume(String body) {
        messages.read(queue(), body, DispatchMessage.class).ifPresent(this::process);
    }

    public void process(DispatchMessage message) {
        if (message.notification() == null) {
            messages.dropped(queue(), "no notification id");
            return;
        }
        MDC.put("notificationId", message.notification());
        try {
            switch (message.action() == null ? "" : message.action()) {
                case DispatchMessage.SEND -> dispatcher.send(message.notification());
                case DispatchMessage.STATUS -> statusCheck.check(message.notification());
                default -> messages.dropped(queue(), "unknown action '" + message.action() + "'");
            }
        } finally {
            MDC.remove("notificationId");
            MDC.remove("eventId");
        }
    }
}
