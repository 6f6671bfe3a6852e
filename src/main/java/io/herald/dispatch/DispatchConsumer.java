package io.herald.dispatch;

import io.herald.queue.QueueMessages;
import io.herald.queue.WakeConsumer;
import io.herald.work.DispatchMessage;
import jakarta.inject.Singleton;

/**
 * Takes messages of the dispatch queue: send a notification, check its delivery, send an announcement page, or check
 * the deliveries of a sent page.
 */
@Singleton
public class DispatchConsumer extends WakeConsumer<DispatchMessage> {

    private final Dispatcher dispatcher;
    private final DeliveryStatusCheck statusCheck;
    private final PageSender pages;
    private final PageDeliveryCheck pageCheck;

    public DispatchConsumer(Dispatcher dispatcher, DeliveryStatusCheck statusCheck, PageSender pages,
            PageDeliveryCheck pageCheck, QueueMessages messages) {
        super(messages, DispatchMessage.QUEUE, DispatchMessage.class, "notificationId");
        this.dispatcher = dispatcher;
        this.statusCheck = statusCheck;
        this.pages = pages;
        this.pageCheck = pageCheck;
    }

    @Override
    protected String workId(DispatchMessage message) {
        return message.notification();
    }

    @Override
    protected void handle(DispatchMessage message, String notificationId) {
        switch (message.action() == null ? "" : message.action()) {
            case DispatchMessage.SEND -> dispatcher.send(notificationId);
            case DispatchMessage.STATUS -> statusCheck.check(notificationId);
            case DispatchMessage.PAGE -> pages.send(notificationId);
            case DispatchMessage.PAGE_STATUS -> pageCheck.check(notificationId);
            default -> dropped("unknown action '" + message.action() + "'");
        }
    }
}
