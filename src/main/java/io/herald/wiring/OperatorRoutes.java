package io.herald.wiring;

import io.herald.access.Access;
import io.herald.wiring.FunctionsManifest.FunctionSpec;
import io.herald.wiring.FunctionsManifest.HttpRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which requests on Herald's own HTTP server are for operators, and what access each needs: the routes
 * {@code functions.yaml} marks {@code auth: iam} or {@code auth: operator} (read, or operate where it says {@code access: operate}), the direct invocations of queue-triggered functions on
 * their Funqy routes (operate), and the metrics (read). Everything else either checks its own credentials
 * (signed events and webhooks, action tokens) or is health, which load balancers must reach.
 */
final class OperatorRoutes {

    static final String METRICS = "/q/metrics";

    /**
     * @param method null for any
     * @param template a path of functions.yaml, whose {@code {name}} parts each stand for one path segment
     */
    private record Route(String method, String template, Access access) {

        Route {
            PathTemplates.checked(template);
        }

        boolean matches(String requestMethod, String path) {
            return (method == null || method.equalsIgnoreCase(requestMethod)) && PathTemplates.matches(template, path);
        }
    }

    private final List<Route> routes = new ArrayList<>();

    OperatorRoutes(FunctionsManifest manifest) {
        for (FunctionSpec function : manifest.functions().values()) {
            for (HttpRoute route : function.http()) {
                if (route.operatorOnly()) {
                    routes.add(new Route(route.method(), route.path(),
                            route.operates() ? Access.OPERATE : Access.READ));
                }
            }
            if (function.http().isEmpty()) {
                routes.add(new Route(null, "/" + function.handler(), Access.OPERATE));
            }
        }
        routes.add(new Route("GET", METRICS, Access.READ));
    }

    /** The access a request needs, or empty when it is not an operator request. */
    Optional<Access> needed(String method, String path) {
        for (Route route : routes) {
            if (route.matches(method, path)) {
                return Optional.of(route.access());
            }
        }
        return Optional.empty();
    }
}
