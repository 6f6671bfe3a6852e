package io.herald.writeback;

import io.herald.notifier.SendFailure;
import io.herald.work.RetryAfter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Turns an answer other than success into a {@link SendFailure}, as the contract says: 429 and 5xx are retryable
 * (honouring {@code Retry-After}), as is no answer at all; everything else is permanent. The recorded text is the
 * status and body, cut to {@link #RESPONSE_LIMIT}; it holds no secret, since the write-back secret never goes on
 * the wire (only a signature made with it).
 */
@ApplicationScoped
class XConnectorFailures {

    /** Enough for any error body seen in practice, small enough to store with every failed attempt. */
    static final int RESPONSE_LIMIT = 4096;

    private final Clock clock;

    XConnectorFailures(Clock clock) {
        this.clock = clock;
    }

    /** xConnector answered with a status that is neither 2xx nor 409. */
    SendFailure rejected(int status, String body, String retryAfter) {
        boolean retryable = status == 429 || status >= 500;
        return new SendFailure(retryable, status, retryable ? RetryAfter.parse(retryAfter, clock) : null,
                limit("HTTP " + status + "\n" + body));
    }

    /** No answer: connection refused or closed, timeout. */
    SendFailure unreachable(Exception cause) {
        return new SendFailure(true, 0, null, limit("no response: " + SendFailure.describe(cause, RESPONSE_LIMIT)));
    }

    static String limit(String text) {
        return text.length() <= RESPONSE_LIMIT ? text : text.substring(0, RESPONSE_LIMIT) + "…[truncated]";
    }
}
