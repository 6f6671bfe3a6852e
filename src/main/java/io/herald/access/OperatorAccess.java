package io.herald.access;

import io.herald.config.RunMode;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.mutiny.Uni;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides who may use an operator route (stored events and tasks, metrics, direct function invocations) on
 * Herald's own HTTP server. In production a request must carry {@code Authorization: Bearer <credential>}: an API
 * key, or, when enabled, an OpenID Connect provider's access token; a console page may instead carry the session
 * cookie a browser was given on signing in with an API key ({@link ConsoleSessions}). In local mode the routes are
 * open. In Lambda the console's routes ({@code auth: operator}) reach the console function unchecked, which asks
 * this class as the server does; the other operator routes are behind API Gateway's IAM authorisation instead, and
 * this class is not asked for them.
 */
@ApplicationScoped
public class OperatorAccess {

    private static final String BEARER = "bearer ";

    private final RunMode mode;
    private final ApiKeys keys;
    private final OidcOperators oidc;
    private final ConsoleSessions sessions;

    public OperatorAccess(RunMode mode, ApiKeys keys, OidcOperators oidc, ConsoleSessions sessions) {
        this.mode = mode;
        this.keys = keys;
        this.oidc = oidc;
        this.sessions = sessions;
    }

    /**
     * The decision, when it can be made at once: local mode, no credential, or an API key. Empty when the
     * credential must go to the identity provider ({@link #verifyToken}).
     *
     * @param authorization the {@code Authorization} header, or null
     * @param session the console session cookie's value, or null (and always null outside the console's paths)
     */
    public Optional<OperatorRequest> decideNow(String authorization, String session, Access needed) {
        if (mode.local()) {
            return Optional.of(OperatorRequest.admitted(null));
        }
        Optional<String> credential = bearer(authorization);
        if (credential.isEmpty() && session != null) {
            return Optional.of(decide(sessions.operator(session), needed));
        }
        if (credential.isEmpty()) {
            return Optional.of(OperatorRequest.refused(401,
                    "this route is for operators: send Authorization: Bearer <API key or access token>"));
        }
        Optional<Operator> keyHolder = keys.identify(credential.get());
        return keyHolder.isPresent() || !oidc.enabled() ? Optional.of(decide(keyHolder, needed)) : Optional.empty();
    }

    /** The decision for a credential that is no API key, by the identity provider. */
    public Uni<OperatorRequest> verifyToken(String authorization, Access needed) {
        return oidc.identify(bearer(authorization).orElseThrow()).map(found -> decide(found, needed));
    }

    private static OperatorRequest decide(Optional<Operator> operator, Access needed) {
        if (operator.isEmpty()) {
            return OperatorRequest.refused(401, "the credential is not valid (unknown, revoked, expired or mistyped)");
        }
        if (!operator.get().access().allows(needed)) {
            return OperatorRequest.refused(403, operator.get().name() + " has "
                    + operator.get().access().name().toLowerCase(Locale.ROOT) + " access, and this route needs "
                    + needed.name().toLowerCase(Locale.ROOT));
        }
        return OperatorRequest.admitted(operator.get());
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
