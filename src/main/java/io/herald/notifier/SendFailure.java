package io.herald.notifier;

import java.time.Duration;

/**
 * The provider did not accept a call.
 *
 * <p>{@link #retryable()} is true for throttling (429), server errors (5xx), timeouts and connection failures;
 * {@link #retryAfter()} carries the provider's {@code Retry-After} when it sent one. {@link #response()} is the
 * raw response (status line and body) for the record; it never contains credentials.
 */
public class SendFailure extends Exception {

    /** Enough for any error body seen in practice, small enough to store with every failed attempt. */
    public static final int RESPONSE_LIMIT = 4096;

    private final boolean retryable;
    private final int status;
    private final Duration retryAfter;
    private final String response;

    public SendFailure(boolean retryable, int status, Duration retryAfter, String response) {
        super((retryable ? "retryable" : "permanent") + " failure, status " + status);
        this.retryable = retryable;
        this.status = status;
        this.retryAfter = retryAfter;
        this.response = response;
    }

    public boolean retryable() {
        return retryable;
    }

    /** HTTP status, or 0 when no response was received (timeout, connection refused). */
    public int status() {
        return status;
    }

    /** The provider's requested wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public String response() {
        return response;
    }

    /**
     * How every outbound call of Herald classifies an answer other than success: throttling (429) and server errors
     * (5xx) are worth retrying, every other status is permanent.
     */
    public static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /** A response cut to {@link #RESPONSE_LIMIT} characters for the record. */
    public static String limit(String response) {
        return response.length() <= RESPONSE_LIMIT ? response : response.substring(0, RESPONSE_LIMIT) + "…[truncated]";
    }

    /**
     * A failure without a response in a few words: each exception in the cause chain with its message, up to
     * {@code limit} characters, for the record.
     */
    public static String describe(Throwable failure, int limit) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < limit; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }
}
