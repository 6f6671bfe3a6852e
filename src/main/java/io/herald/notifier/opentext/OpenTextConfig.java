package io.herald.notifier.opentext;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.Secret;
import java.time.Duration;
import java.util.Optional;

/**
 * Where OpenText Notifications lives and how Herald signs in. Every key can be set from the environment, e.g.
 * {@code HERALD_OPENTEXT_MESSAGING_URL} or {@code HERALD_OPENTEXT_CLIENT_SECRET}.
 */
@ConfigMapping(prefix = "herald.opentext")
public interface OpenTextConfig {

    /** Base of the token endpoint {@code {auth-url}/tenants/{tenant-id}/oauth2/token}. */
    String authUrl();

    /** Base of the messaging API; requests go to {@code {messaging-url}/mra/v1/...}. */
    String messagingUrl();

    /** Base of the AppWorks Gateway; in-app pushes go to {@code {gateway-url}/deployments/notifications/{app}/push}. */
    String gatewayUrl();

    String tenantId();

    String clientId();

    /**
     * Kept as a {@link Secret} so it never shows up in config dumps or {@code toString()}. Absent only in functions
     * that never call OpenText (each Lambda gets only its own secrets); production start-up refuses to run a
     * function that needs it without it.
     */
    Optional<Secret<String>> clientSecret();

    /** The AppWorks application in-app pushes are addressed to. */
    String appName();

    /** Sent as {@code billing_code} on e-mails when set. */
    Optional<String> billingCode();

    AuthMode auth();

    /** How long before {@code expires_in} a cached access token is replaced. */
    Duration tokenRefreshSkew();

    Duration connectTimeout();

    Duration readTimeout();

    /** How Herald authenticates on the messaging API and the gateway. */
    enum AuthMode {
        /** A client-credentials access token, sent as {@code Bearer}. */
        OAUTH2,
        /** Client id and secret as HTTP Basic on every call, for deployments that accept it. */
        BASIC
    }
}
