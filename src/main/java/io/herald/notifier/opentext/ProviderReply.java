package io.herald.notifier.opentext;

import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * An HTTP answer read completely, so the connection is released before Herald looks at it.
 *
 * @param body the entity as text, empty when there was none
 * @param retryAfter the raw {@code Retry-After} header, or null
 */
record ProviderReply(int status, String reason, String body, String retryAfter) {

    /**
     * Makes the call and reads its answer.
     *
     * @throws jakarta.ws.rs.ProcessingException when no answer arrived (connection refused or closed, timeout)
     */
    static ProviderReply of(Supplier<Response> call) {
        try (Response response = call.get()) {
            return read(response);
        } catch (HttpClosedException closed) {
            // The REST client reports some lost connections as they are, not wrapped like the others.
            throw new ProcessingException(closed);
        }
    }

    private static ProviderReply read(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new ProviderReply(
                response.getStatus(),
                response.getStatusInfo().getReasonPhrase(),
                body == null ? "" : body,
                response.getHeaderString("Retry-After"));
    }

    boolean successful() {
        return status >= 200 && status < 300;
    }

    boolean unauthorized() {
        return status == 401;
    }
}
