package io.herald.writeback;

import io.herald.notifier.SendFailure;
import io.herald.outbox.RetryAfter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Turns an answer other than success into a {@link SendFailure}, as the contract says: 429 and 5xx are retryable
 * (honouring {@code Retry-After}), as is no answer at all; everything else is permanent. The recorded text is the
 * status and body, cut to {@link SendFailure#RESPONSE_LIMIT}; it holds no secret, since the write-back secret never
 * goes on the wire (only a signature made with it).
 */
@ApplicationScoped
class XConnectorFailures {

    private final Clock clock;

    XConnectorFailures(Clock clock) {
        this.clock = clock;
    }

    /** xConnector answered with a status that is neither 2xx nor 409. */
    SendFailure rejected(int status, String body, String retryAfter) {
        boolean retryable = SendFailure.retryable(status);
        return new SendFailure(retryable, status, retryable ? RetryAfter.parse(retryAfter, clock) : null,
                SendFailure.limit("HTTP " + status + "\n" + body));
    }

    /** No answer: connection refused or closed, timeout. */
    SendFailure unreachable(Exception cause) {
        return new SendFailure(true, 0, null, SendFailure.limit("no response: "
                + SendFailure.describe(cause, SendFailure.RESPONSE_LIMIT)));
    }
}
