package io.herald.access;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;

/**
 * Recognises operators by an OpenID Connect provider's access tokens, when {@code herald.operator.oidc.enabled}
 * is on: Quarkus OIDC verifies the token (signature, issuer, expiry, audience as {@code quarkus.oidc.*} says), and
 * the token's roles give the access.
 */
@ApplicationScoped
public class OidcOperators {

    private final OperatorConfig.Oidc config;
    private final Instance<TenantIdentityProvider> provider;

    public OidcOperators(OperatorConfig config, Instance<TenantIdentityProvider> provider) {
        this.config = config.oidc();
        this.provider = provider;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** The operator the token names, or empty when the provider does not vouch for it. */
    public Uni<Optional<Operator>> identify(String token) {
        return provider.get().authenticate(new AccessTokenCredential(token))
                .map(identity -> Optional.of(new Operator("oidc:" + identity.getPrincipal().getName(),
                        access(identity))))
                .onFailure().recoverWithItem(Optional.empty());
    }

    private Access access(SecurityIdentity identity) {
        if (identity.hasRole(config.operateRole())) {
            return Access.OPERATE;
        }
        return identity.hasRole(config.readRole()) ? Access.READ : Access.NONE;
    }
}
