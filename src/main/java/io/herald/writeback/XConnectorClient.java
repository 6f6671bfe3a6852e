package io.herald.writeback;

import io.herald.notifier.SendFailure;
import io.herald.restore.HoldsConnections;
import io.herald.signing.SignedRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts one signed write-back to xConnector.
 *
 * <p>The JDK's {@link HttpClient} rather than a REST client interface: the signature covers the exact bytes of the
 * body, so Herald serialises and signs them itself and must send them untouched, and the endpoint is one
 * configured URL rather than a base with paths. Both are direct with the JDK client and need no provider or
 * interface in between; it also works unchanged in a native image.
 */
@ApplicationScoped
@HoldsConnections
public class XConnectorClient {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpClient http;
    private final URI url;
    private final Duration readTimeout;
    private final XConnectorFailures failures;

    XConnectorClient(WriteBackConfig config, XConnectorFailures failures) {
        this.url = URI.create(config.url().trim());
        this.readTimeout = config.readTimeout();
        this.failures = failures;
        // HTTP/1.1: no h2c upgrade dance on a POST; no redirects: a write-back is never re-posted elsewhere.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * @return how xConnector took it
     * @throws SendFailure when it did not: retryable for 429, 5xx and no answer, permanent otherwise
     */
    public XConnectorAnswer post(SignedWriteBack call) throws SendFailure {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY, call.idempotencyKey())
                .header(SignedRequest.TIMESTAMP, call.timestamp())
                .header(SignedRequest.SIGNATURE, call.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()))
                .build();
        HttpResponse<InputStream> response;
        String body;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            body = read(response.body());
        } catch (IOException noAnswer) {
            throw failures.unreachable(noAnswer);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failures.unreachable(interrupted);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return XConnectorAnswer.APPLIED;
        }
        if (status == 409) {
            return XConnectorAnswer.ALREADY_APPLIED;
        }
        throw failures.rejected(status, body, response.headers().firstValue("Retry-After").orElse(null));
    }

    /** Only as much of the answer as is ever recorded, so a huge error page cannot fill memory. */
    private static String read(InputStream in) throws IOException {
        try (in) {
            byte[] head = in.readNBytes(SendFailure.RESPONSE_LIMIT + 1);
            return new String(head, StandardCharsets.UTF_8);
        }
    }
}
