package io.herald.console;

import io.herald.http.HttpFunction;
import io.herald.http.HttpRequest;
import io.herald.http.HttpResponse;
import io.herald.http.ProblemException;
import io.herald.http.ResponseWriter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The console function: the operator console's pages ({@link ConsoleRoutes}). Locally and on a server Herald's own
 * HTTP server admits operators before a request gets here; in the cloud {@link ConsoleLambda} does.
 */
@ApplicationScoped
public class ConsoleFunction implements HttpFunction {

    public static final String NAME = "console";

    private final ConsoleRoutes routes;
    private final ResponseWriter responses;

    public ConsoleFunction(ConsoleRoutes routes, ResponseWriter responses) {
        this.routes = routes;
        this.responses = responses;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HttpResponse handle(String route, HttpRequest request) {
        try {
            return routes.handle(route, request);
        } catch (ProblemException e) {
            return responses.problem(e.problem());
        }
    }
}
