package io.herald.notifier.opentext;

import io.herald.notifier.SendFailure;
import io.herald.outbox.RetryAfter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Turns what went wrong into a {@link SendFailure}: throttling (429), server errors (5xx) and missing answers are
 * retryable, every other answer is permanent. The recorded response is redacted and cut to {@link SendFailure#RESPONSE_LIMIT}.
 */
@ApplicationScoped
class ProviderFailures {

    private final SecretRedactor redactor;
    private final Clock clock;

    @Inject
    ProviderFailures(SecretRedactor redactor, Clock clock) {
        this.redactor = redactor;
        this.clock = clock;
    }

    /** The provider answered with a status other than 2xx. */
    SendFailure rejected(ProviderReply reply, String authorizationUsed) {
        int status = reply.status();
        return new SendFailure(SendFailure.retryable(status), status, RetryAfter.parse(reply.retryAfter(), clock),
                record(statusLine(reply) + "\n" + reply.body(), authorizationUsed));
    }

    /** The provider accepted but answered something Herald cannot use; asking again would not change it. */
    SendFailure unusable(ProviderReply reply, String problem) {
        return new SendFailure(false, reply.status(), null,
                record(statusLine(reply) + " (" + problem + ")\n" + reply.body(), null));
    }

    /** As {@link #unusable} without the body, for answers that carry a credential (the token endpoint's). */
    SendFailure unusableWithoutBody(ProviderReply reply, String problem) {
        return new SendFailure(false, reply.status(), null, record(statusLine(reply) + " (" + problem + ")", null));
    }

    /** No answer at all: connection refused or closed, timeout. */
    SendFailure unreachable(RuntimeException cause, String authorizationUsed) {
        return new SendFailure(true, 0, null, record("no response: " + SendFailure.describe(cause, SendFailure.RESPONSE_LIMIT),
                authorizationUsed));
    }

    private String record(String text, String authorizationUsed) {
        return SendFailure.limit(redactor.redact(text, authorizationUsed));
    }

    private static String statusLine(ProviderReply reply) {
        return reply.reason() == null ? "HTTP " + reply.status() : "HTTP " + reply.status() + " " + reply.reason();
    }
}
