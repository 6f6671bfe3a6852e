package io.herald.notifier.opentext;

import io.herald.notifier.SendFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/**
 * One authorized call to the messaging API or the gateway. A 401 means the cached token was revoked or expired
 * early: the token is dropped and the call made once more with a fresh one, never more, so wrong credentials fail
 * instead of looping.
 */
@ApplicationScoped
class ProviderExchange {

    private final OpenTextAuthorization authorization;
    private final ProviderFailures failures;

    @Inject
    ProviderExchange(OpenTextAuthorization authorization, ProviderFailures failures) {
        this.authorization = authorization;
        this.failures = failures;
    }

    /**
     * @param call makes the request with the given {@code Authorization} value
     * @return the 2xx answer
     */
    ProviderReply send(Function<String, Response> call) throws SendFailure {
        String header = authorization.header();
        ProviderReply reply = exchange(call, header);
        if (reply.unauthorized() && authorization.refused(header)) {
            header = authorization.header();
            reply = exchange(call, header);
        }
        if (!reply.successful()) {
            throw failures.rejected(reply, header);
        }
        return reply;
    }

    private ProviderReply exchange(Function<String, Response> call, String header) throws SendFailure {
        try {
            return ProviderReply.of(() -> call.apply(header));
        } catch (ProcessingException noAnswer) {
            throw failures.unreachable(noAnswer, header);
        }
    }
}
