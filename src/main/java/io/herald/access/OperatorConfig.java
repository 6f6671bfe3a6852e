package io.herald.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * Who may use operator routes on a server: API keys, and optionally an OpenID Connect provider's tokens.
 *
 * <p>API keys: only the SHA-256 of each key is configured, so the configuration (and a Lambda's
 * environment) never holds a usable key. Several keys may be active at once: add the new one, hand it out, then
 * remove the old one; a removed key is refused from the next start.
 *
 * <pre>
 * herald.operator.keys.grafana.sha256=9f86d081...   (bin/operator-key grafana prints a key and this line)
 * herald.operator.keys.grafana.access=read          (read: the read routes and metrics; operate: also invocations)
 * </pre>
 */
@ConfigMapping(prefix = "herald.operator")
public interface OperatorConfig {

    /** Keys by a name that says whose they are; the name is what the audit trail records. */
    Map<String, Key> keys();

    /** Tokens of an OpenID Connect provider, verified by Quarkus OIDC ({@code quarkus.oidc.*}). */
    Oidc oidc();

    interface Oidc {

        /** Off by default; when on, set {@code quarkus.oidc.auth-server-url} (or a public key) as well. */
        @WithDefault("false")
        boolean enabled();

        /** A token with this role may read. */
        @WithDefault("herald-read")
        String readRole();

        /** A token with this role may also invoke functions. */
        @WithDefault("herald-operate")
        String operateRole();
    }

    interface Key {

        /** Lower-case hex SHA-256 of the key as sent in {@code Authorization: Bearer <key>}. */
        String sha256();

        @WithDefault("read")
        Access access();
    }
}
