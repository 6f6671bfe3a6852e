package io.herald.simulator.opentext;

import io.herald.notifier.opentext.OpenTextConfig;
import io.herald.notifier.opentext.OpenTextConfig.AuthMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Checks {@code Authorization} headers against the client Herald is configured with: the simulator plays the
 * provider for exactly that client.
 */
@ApplicationScoped
class SimulatedCredentials {

    private static final String BASIC = "Basic ";
    private static final String BEARER = "Bearer ";

    private final OpenTextConfig config;
    private final TokenIssuer tokens;

    @Inject
    SimulatedCredentials(OpenTextConfig config, TokenIssuer tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    /** HTTP Basic with the configured client id and secret. */
    boolean isClient(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return false;
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        String expected = config.clientId() + ":" + config.clientSecret().orElseThrow().get();
        return MessageDigest.isEqual(pair.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** A live token issued by the simulator, or Basic client credentials when {@code herald.opentext.auth=basic}. */
    boolean mayCallApi(String authorization) {
        if (config.auth() == AuthMode.BASIC) {
            return isClient(authorization);
        }
        return authorization != null
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && tokens.isLive(authorization.substring(BEARER.length()).trim());
    }
}
