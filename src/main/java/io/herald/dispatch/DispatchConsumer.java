package io.herald.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.queue.QueueConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** Takes messages of the dispatch queue: send a notification, or check its delivery. */
@ApplicationScoped
public class DispatchConsumer implements QueueConsumer {

    private static final Logger LOG = Logger.getLogger(DispatchConsumer.class);

    private final Dispatcher dispatcher;
    private final DeliveryStatusCheck statusCheck;
    private final ObjectMapper json;

    public DispatchConsumer(Dispatcher dispatcher, DeliveryStatusCheck statusCheck, ObjectMapper json) {
        this.dispatcher = dispatcher;
        this.statusCheck = statusCheck;
        this.json = json;
    }

    @Override
    public String queue() {
        return DispatchMessage.QUEUE;
    }

    @Override
    public void consume(String body) throws Exception {
        DispatchMessage message = json.readValue(body, DispatchMessage.class);
        if (message.notification() == null) {
            LOG.warnf("dispatch message without a notification id ignored");
            return;
        }
        process(message);
    }

    public void process(DispatchMessage message) {
        MDC.put("notificationId", message.notification());
        try {
            switch (message.action() == null ? "" : message.action()) {
                case DispatchMessage.SEND -> dispatcher.send(message.notification());
                case DispatchMessage.STATUS -> statusCheck.check(message.notification());
                default -> LOG.warnf("dispatch message with unknown action '%s' ignored", message.action());
            }
        } finally {
            MDC.remove("notificationId");
            MDC.remove("eventId");
        }
    }
}
