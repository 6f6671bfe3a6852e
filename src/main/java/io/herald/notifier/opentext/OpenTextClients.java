package io.herald.notifier.opentext;

import io.herald.restore.HoldsConnections;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds the REST clients from {@link OpenTextConfig}, so URLs and timeouts live in one place. The default response
 * exception mapper is off: every answer comes back as a {@code Response} and {@link ProviderExchange} decides what
 * is retryable.
 */
@ApplicationScoped
@HoldsConnections
class OpenTextClients {

    private final OpenTextAuthApi auth;
    private final OpenTextMessagingApi messaging;
    private final AppWorksGatewayApi gateway;

    @Inject
    OpenTextClients(OpenTextConfig config) {
        this.auth = build(OpenTextAuthApi.class, config.authUrl(), config);
        this.messaging = build(OpenTextMessagingApi.class, config.messagingUrl(), config);
        this.gateway = build(AppWorksGatewayApi.class, config.gatewayUrl(), config);
    }

    OpenTextAuthApi auth() {
        return auth;
    }

    OpenTextMessagingApi messaging() {
        return messaging;
    }

    AppWorksGatewayApi gateway() {
        return gateway;
    }

    private static <T> T build(Class<T> api, String baseUrl, OpenTextConfig config) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(withoutTrailingSlash(baseUrl)))
                .connectTimeout(millis(config.connectTimeout()), TimeUnit.MILLISECONDS)
                .readTimeout(millis(config.readTimeout()), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(api);
    }

    private static long millis(Duration duration) {
        return duration.toMillis();
    }

    private static String withoutTrailingSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
