package io.herald.simulator.opentext;

import io.herald.notifier.opentext.OpenTextConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /tenants/{tenant}/oauth2/token}: the client-credentials grant for the configured client. */
@ApplicationScoped
class TokenHandler {

    private final OpenTextConfig config;
    private final SimulatedCredentials credentials;
    private final TokenIssuer issuer;
    private final JsonReplies replies;

    @Inject
    TokenHandler(OpenTextConfig config, SimulatedCredentials credentials, TokenIssuer issuer, JsonReplies replies) {
        this.config = config;
        this.credentials = credentials;
        this.issuer = issuer;
        this.replies = replies;
    }

    void issue(RoutingContext context) {
        if (!config.tenantId().equals(context.pathParam("tenant"))) {
            replies.error(context, 404, "unknown_tenant", "No such tenant");
            return;
        }
        if (!credentials.isClient(context.request().getHeader("Authorization"))) {
            context.response().putHeader("WWW-Authenticate", "Basic realm=\"opentext\"");
            replies.error(context, 401, "invalid_client", "Client authentication failed");
            return;
        }
        String grantType = context.request().getFormAttribute("grant_type");
        if (!"client_credentials".equals(grantType)) {
            replies.error(context, 400, "unsupported_grant_type", "grant_type must be client_credentials");
            return;
        }
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("access_token", issuer.issue());
        token.put("token_type", "Bearer");
        token.put("expires_in", issuer.lifetime().toSeconds());
        replies.send(context, 200, token);
    }
}
