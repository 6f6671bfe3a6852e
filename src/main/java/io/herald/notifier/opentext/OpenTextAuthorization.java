package io.herald.notifier.opentext;

import io.herald.notifier.SendFailure;
import io.herald.notifier.opentext.OpenTextConfig.AuthMode;
import io.herald.restore.HoldsSecrets;
import io.herald.restore.SecretSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The {@code Authorization} value for the messaging API and the gateway, per {@code herald.opentext.auth}. */
@ApplicationScoped
@HoldsSecrets
class OpenTextAuthorization {

    private static final String BEARER = "Bearer ";

    private final AuthMode mode;
    private final String basicHeader;
    private final OpenTextTokens tokens;

    @Inject
    OpenTextAuthorization(SecretSettings secrets, OpenTextTokens tokens) {
        this(secrets.mapping(OpenTextConfig.class), tokens);
    }

    OpenTextAuthorization(OpenTextConfig config, OpenTextTokens tokens) {
        this.mode = config.auth();
        this.basicHeader = BasicCredentials.header(config.clientId(), config.clientSecret().orElseThrow().get());
        this.tokens = tokens;
    }

    String header() throws SendFailure {
        return mode == AuthMode.BASIC ? basicHeader : BEARER + tokens.token();
    }

    /**
     * The provider answered 401 to {@code header}. Drops the token it carried.
     *
     * @return whether asking again can help: yes with a token, no with fixed Basic credentials
     */
    boolean refused(String header) {
        if (mode == AuthMode.BASIC || !header.startsWith(BEARER)) {
            return false;
        }
        tokens.invalidate(header.substring(BEARER.length()));
        return true;
    }
}
