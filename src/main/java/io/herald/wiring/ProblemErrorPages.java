package io.herald.wiring;

import io.herald.http.Problem;
import io.herald.http.ResponseWriter;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Answers every refusal of the local HTTP server as {@code application/problem+json}, whoever refuses: no route
 * for the path (404), a path that takes other methods (405, with {@code Allow}), a body over the limit (413),
 * Funqy's unreadable input (400) and any failure nobody handled (500, logged, never shown).
 *
 * <p>Some refusals happen before any of this runs and cannot be shaped here: Vert.x's HTTP decoder answers a
 * request line over {@code quarkus.http.limits.max-initial-line-length} with {@code 414}, headers over
 * {@code quarkus.http.limits.max-header-size} with {@code 431} and an unparsable request with {@code 400}, each
 * with an empty body, and closes the connection; Quarkus offers no hook for Vert.x's invalid-request handler.
 */
@Singleton
public class ProblemErrorPages {

    private static final Logger LOG = Logger.getLogger(ProblemErrorPages.class);

    /** Before Quarkus's own upload limit (order -2), which answers 413 with an empty body. */
    private static final int BEFORE_QUARKUS_UPLOAD_LIMIT = -3;

    /** Funqy takes every method on the router and refuses all but these itself. */
    private static final String FUNQY_METHODS = "GET, POST";

    private final ResponseWriter responses;
    private final long bodyLimit;

    ProblemErrorPages(ResponseWriter responses, @ConfigProperty(name = "herald.http.max-body-bytes") long bodyLimit) {
        this.responses = responses;
        this.bodyLimit = bodyLimit;
    }

    void register(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_UPLOAD_LIMIT).handler(this::refuseDeclaredOversizedBody);
        router.route().failureHandler(ctx -> answer(router, ctx, ctx.statusCode()));
        // Vert.x calls these when no route matched at all, or when a failure handler itself failed.
        for (int status : new int[] {400, 404, 405, 406, 413, 415, 500}) {
            router.errorHandler(status, ctx -> answer(router, ctx, status));
        }
    }

    private void refuseDeclaredOversizedBody(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && declaredLength(length) > bodyLimit) {
            ctx.fail(413);
        } else {
            ctx.next();
        }
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void answer(Router router, RoutingContext ctx, int reported) {
        if (ctx.response().headWritten()) {
            ctx.response().close();
            return;
        }
        int status = reported >= 400 && reported <= 599 ? reported : 500;
        if (status >= 500) {
            LOG.errorf(ctx.failure(), "%s %s failed", ctx.request().method(), ctx.request().path());
        }
        String allow = status == 405 ? allowedMethods(router, ctx.normalizedPath()) : null;
        if (allow != null) {
            ctx.response().putHeader("Allow", allow);
        }
        LocalHttpRoutes.write(ctx, responses.problem(problem(status, allow)));
    }

    private Problem problem(int status, String allow) {
        return switch (status) {
            case 400 -> Problem.of(400, "Bad Request", "the request body could not be read; send valid JSON");
            case 404 -> Problem.of(404, "Not Found", "nothing is served at this path");
            case 405 -> Problem.of(405, "Method Not Allowed", "this path takes " + allow);
            case 413 -> Problem.of(413, "Payload too large", "the request body exceeds " + bodyLimit + " bytes");
            case 500 -> Problem.of(500, "Internal Server Error",
                    "the request failed inside Herald; it is logged, retry later");
            default -> Problem.of(status, HttpResponseStatus.valueOf(status).reasonPhrase(),
                    "the request was refused");
        };
    }

    /** The methods the routes matching this path take, as an {@code Allow} header. */
    private static String allowedMethods(Router router, String path) {
        Set<String> methods = new TreeSet<>();
        boolean anyMethod = false;
        for (Route route : router.getRoutes()) {
            if (route.getPath() == null || !matches(route.getPath(), path)) {
                continue;
            }
            if (route.methods() == null || route.methods().isEmpty()) {
                anyMethod = true;
            } else {
                route.methods().stream().map(HttpMethod::name).forEach(methods::add);
            }
        }
        return methods.isEmpty() && anyMethod ? FUNQY_METHODS : String.join(", ", methods);
    }

    private static boolean matches(String routePath, String path) {
        String pattern = Pattern.quote(routePath).replaceAll(":\\w+", "\\\\E[^/]+\\\\Q");
        return path != null && Pattern.matches(pattern, path);
    }
}
