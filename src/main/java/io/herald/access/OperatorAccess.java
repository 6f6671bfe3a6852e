package io.herald.access;

import io.herald.config.RunMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides who may use an operator route (stored events and tasks, metrics, direct function invocations) on
 * Herald's own HTTP server. In production a request must carry {@code Authorization: Bearer <API key>}; in local
 * mode the routes are open. In Lambda these routes are behind API Gateway's IAM authorisation instead, and this
 * class is not asked.
 */
@ApplicationScoped
public class OperatorAccess {

    private static final String BEARER = "bearer ";

    private final RunMode mode;
    private final ApiKeys keys;

    public OperatorAccess(RunMode mode, ApiKeys keys) {
        this.mode = mode;
        this.keys = keys;
    }

    /** @param authorization the {@code Authorization} header, or null */
    public OperatorRequest check(String authorization, Access needed) {
        if (mode.local()) {
            return OperatorRequest.admitted(null);
        }
        Optional<String> key = bearer(authorization);
        if (key.isEmpty()) {
            return OperatorRequest.refused(401, "this route is for operators: send Authorization: Bearer <API key>");
        }
        Optional<Operator> operator = keys.identify(key.get());
        if (operator.isEmpty()) {
            return OperatorRequest.refused(401, "the API key is not valid (unknown, revoked or mistyped)");
        }
        if (!operator.get().access().allows(needed)) {
            return OperatorRequest.refused(403, "the API key " + operator.get().name() + " allows "
                    + operator.get().access().name().toLowerCase(Locale.ROOT) + " access only");
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
