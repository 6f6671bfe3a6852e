package io.herald.work;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of a dispatch queue message: a reference to a stored notification and what to do with it.
 *
 * @param action {@code send} to send it, {@code status} to ask the provider how delivery went
 */
public record DispatchMessage(@JsonProperty("action") String action, @JsonProperty("notification") String notification) {

    public static final String QUEUE = "dispatch";
    public static final String SEND = "send";
    public static final String STATUS = "status";

    public static DispatchMessage send(String notificationId) {
        return new DispatchMessage(SEND, notificationId);
    }

    public static DispatchMessage status(String notificationId) {
        return new DispatchMessage(STATUS, notificationId);
    }
}
