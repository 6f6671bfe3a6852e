package io.herald.wiring;

import io.herald.access.ConsoleSessions;
import io.herald.access.OperatorAccess;
import io.herald.access.OperatorRequest;
import io.herald.console.ConsoleGate;
import io.herald.console.ConsoleRoutes;
import io.herald.http.Problem;
import io.herald.http.ResponseWriter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Stands in front of every route of Herald's own HTTP server and lets operator requests through only for
 * operators ({@link OperatorAccess}); each admitted one is logged with who made it. Ahead of all other routes,
 * so Funqy's and Quarkus' own routes are covered too.
 */
@Singleton
public class OperatorGate {

    /** Routing-context key under which the admitted operator's name reaches the functions. */
    public static final String OPERATOR = "herald.operator";

    private static final String SIGN_IN = "/console/sign-in";
    private static final Logger ACCESS = Logger.getLogger("io.herald.access");

    private final OperatorRoutes routes;
    private final OperatorAccess access;
    private final ResponseWriter responses;

    OperatorGate(FunctionsManifest manifest, OperatorAccess access, ResponseWriter responses) {
        this.routes = new OperatorRoutes(manifest);
        this.access = access;
        this.responses = responses;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        var needed = routes.needed(ctx.request().method().name(), ctx.request().path());
        if (needed.isEmpty()) {
            ctx.next();
            return;
        }
        String authorization = ctx.request().getHeader("Authorization");
        var decided = access.decideNow(authorization, session(ctx), needed.get());
        if (decided.isPresent()) {
            proceed(ctx, decided.get());
            return;
        }
        // The identity provider answers later: hold the body back until the routes after this one read it.
        Context context = Vertx.currentContext();
        ctx.request().pause();
        access.verifyToken(authorization, needed.get()).subscribe().with(
                request -> context.runOnContext(ignored -> {
                    proceed(ctx, request);
                    ctx.request().resume();
                }),
                failure -> context.runOnContext(ignored -> {
                    ctx.fail(failure);
                    ctx.request().resume();
                }));
    }

    /** The console's session cookie, taken on the console's own paths only, as the cookie's path says. */
    private static String session(RoutingContext ctx) {
        if (!ConsoleRoutes.isConsolePath(ctx.request().path())) {
            return null;
        }
        Cookie cookie = ctx.request().getCookie(ConsoleSessions.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private void proceed(RoutingContext ctx, OperatorRequest request) {
        if (ConsoleGate.sendsToSignIn(ctx.request().method().name(), ctx.request().path(),
                ctx.request().getHeader("Authorization"), ctx.request().getHeader("Accept"), request)) {
            ctx.response().setStatusCode(303).putHeader("Location", SIGN_IN)
                    .putHeader("Cache-Control", "no-store").end();
            return;
        }
        if (!request.admitted()) {
            if (request.status() == 401) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"herald\"");
            }
            LocalHttpRoutes.write(ctx, responses.problem(Problem.of(request.status(),
                    request.status() == 401 ? "Unauthorized" : "Forbidden", request.reason())));
            return;
        }
        if (request.operator() != null) {
            ctx.put(OPERATOR, request.operator().name());
            ACCESS.infof("operator %s: %s %s", request.operator().name(), ctx.request().method().name(),
                    ctx.request().path());
        }
        ctx.next();
    }
}
