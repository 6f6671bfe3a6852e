package io.herald.dispatch;

/** A notification cannot be rendered. Retrying will not help, so it is given up and alerted at once. */
public class RenderingException extends RuntimeException {

    public RenderingException(String message) {
        super(message);
    }

    public RenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
