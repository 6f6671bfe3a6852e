package io.herald.notifier.opentext;

import io.herald.notifier.SendFailure;
import io.herald.notifier.opentext.wire.TokenResponse;
import io.herald.restore.HoldsSecrets;
import io.herald.restore.SecretSettings;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.time.Duration;

/** Fetches tokens from OpenText's OAuth2 endpoint with the client-credentials grant. */
@ApplicationScoped
@HoldsSecrets
class ClientCredentialsTokenSource implements TokenSource {

    private final OpenTextClients clients;
    private final WireJson json;
    private final ProviderFailures failures;
    private final String tenantId;
    private final String basicHeader;

    @Inject
    ClientCredentialsTokenSource(OpenTextClients clients, WireJson json, ProviderFailures failures,
                                 SecretSettings secrets) {
        this(clients, json, failures, secrets.mapping(OpenTextConfig.class));
    }

    ClientCredentialsTokenSource(OpenTextClients clients, WireJson json, ProviderFailures failures,
                                 OpenTextConfig config) {
        this.clients = clients;
        this.json = json;
        this.failures = failures;
        this.tenantId = config.tenantId();
        this.basicHeader = BasicCredentials.header(config.clientId(), config.clientSecret().orElseThrow().get());
    }

    @Override
    public IssuedToken fetch() throws SendFailure {
        ProviderReply reply;
        try {
            reply = ProviderReply.of(() -> clients.auth().token(tenantId, basicHeader, "client_credentials"));
        } catch (ProcessingException noAnswer) {
            throw failures.unreachable(noAnswer, basicHeader);
        }
        if (!reply.successful()) {
            throw failures.rejected(reply, basicHeader);
        }
        // A 2xx body carries the token, so no failure below may quote it.
        TokenResponse token = json.readOrNull(reply.body(), TokenResponse.class);
        if (token == null || token.accessToken() == null || token.accessToken().isBlank()) {
            throw failures.unusableWithoutBody(reply, "token answer without access_token");
        }
        Duration lifetime = Duration.ofSeconds(token.expiresIn() == null ? 0 : Math.max(0, token.expiresIn()));
        Log.debugf("Fetched an OpenText access token valid for %s", lifetime);
        return new IssuedToken(token.accessToken(), lifetime);
    }
}
