package io.herald.work;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of a dispatch queue message: a reference to stored work and what to do with it.
 *
 * @param action {@code send} to send a notification, {@code status} to ask the provider how its delivery went,
 *        {@code page} to send a page of an announcement, {@code page-status} to ask the provider how the deliveries
 *        of a sent page went
 * @param notification the notification's id; for {@code page} and {@code page-status} the page's id
 */
public record DispatchMessage(@JsonProperty("action") String action, @JsonProperty("notification") String notification) {

    public static final String QUEUE = "dispatch";
    public static final String SEND = "send";
    public static final String STATUS = "status";
    public static final String PAGE = "page";
    public static final String PAGE_STATUS = "page-status";

    public static DispatchMessage send(String notificationId) {
        return new DispatchMessage(SEND, notificationId);
    }

    public static DispatchMessage status(String notificationId) {
        return new DispatchMessage(STATUS, notificationId);
    }

    public static DispatchMessage page(String pageId) {
        return new DispatchMessage(PAGE, pageId);
    }

    public static DispatchMessage pageStatus(String pageId) {
        return new DispatchMessage(PAGE_STATUS, pageId);
    }
}
