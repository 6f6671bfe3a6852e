package io.herald.wiring;

import io.herald.access.Access;
import io.herald.wiring.FunctionsManifest.FunctionSpec;
import io.herald.wiring.FunctionsManifest.HttpRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which requests on Herald's own HTTP server are for operators, and what access each needs: the routes
 * {@code functions.yaml} marks {@code auth: iam} or {@code auth: operator} (read, or operate where it says {@code access: operate}), the direct invocations of queue-triggered functions on
 * their Funqy routes (operate), and the metrics (read). Everything else either checks its own credentials
 * (signed events and webhooks, action tokens) or is health, which load balancers must reach.
 */
final class OperatorRoutes {

    static final String METRICS = "/q/metrics";

    private record Route(String method, Pattern path, Access access) {
    }

    private final List<Route> routes = new ArrayList<>();

    OperatorRoutes(FunctionsManifest manifest) {
        for (FunctionSpec function : manifest.functions().values()) {
            for (HttpRoute route : function.http()) {
                if (route.operatorOnly()) {
                    routes.add(new Route(route.method(), template(route.path()),
                            route.operates() ? Access.OPERATE : Access.READ));
                }
            }
            if (function.http().isEmpty()) {
                routes.add(new Route(null, Pattern.compile(Pattern.quote("/" + function.handler()) + "/?"),
                        Access.OPERATE));
            }
        }
        routes.add(new Route("GET", Pattern.compile(Pattern.quote(METRICS) + "/?"), Access.READ));
    }

    /** The access a request needs, or empty when it is not an operator request. */
    Optional<Access> needed(String method, String path) {
        return routes.stream()
                .filter(route -> (route.method() == null || route.method().equalsIgnoreCase(method))
                        && route.path().matcher(path).matches())
                .map(Route::access).findFirst();
    }

    /** {@code /tasks/{id}} matches one path segment where the template names a parameter. */
    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("((?=\\{)|(?<=}))")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }
}
