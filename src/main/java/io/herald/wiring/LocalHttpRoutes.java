package io.herald.wiring;

import io.herald.http.HttpFunction;
import io.herald.http.HttpRequest;
import io.herald.http.HttpResponse;
import io.herald.http.Problem;
import io.herald.http.ResponseWriter;
import io.herald.wiring.FunctionsManifest.FunctionSpec;
import io.herald.wiring.FunctionsManifest.HttpRoute;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Exposes every HTTP-triggered function on the routes {@code functions.yaml} gives it, on this process's own HTTP
 * server: the same routes API Gateway serves in the cloud.
 */
@Singleton
public class LocalHttpRoutes {

    private static final Logger LOG = Logger.getLogger(LocalHttpRoutes.class);

    private final FunctionsManifest manifest;
    private final Map<String, HttpFunction> functions = new HashMap<>();
    private final ResponseWriter responses;
    private final long bodyLimit;

    LocalHttpRoutes(FunctionsManifest manifest, Instance<HttpFunction> beans, ResponseWriter responses,
            @ConfigProperty(name = "herald.http.max-body-bytes") long bodyLimit) {
        this.manifest = manifest;
        this.responses = responses;
        this.bodyLimit = bodyLimit;
        beans.forEach(f -> functions.put(f.name(), f));
    }

    void register(@Observes Router router) {
        for (Map.Entry<String, FunctionSpec> entry : manifest.functions().entrySet()) {
            FunctionSpec spec = entry.getValue();
            if (spec.http().isEmpty()) {
                continue;
            }
            HttpFunction function = functions.get(spec.handler());
            if (function == null) {
                throw new IllegalStateException("functions.yaml routes HTTP to '" + spec.handler()
                        + "' but no HTTP function has that name");
            }
            for (HttpRoute route : spec.http()) {
                // functions.yaml writes path parameters as API Gateway does ({id}); Vert.x writes :id
                router.route(HttpMethod.valueOf(route.method()), route.path().replaceAll("\\{(\\w+)}", ":$1"))
                        .handler(BodyHandler.create(false).setBodyLimit(bodyLimit))
                        .blockingHandler(ctx -> serve(function, route, ctx), false)
                        .failureHandler(this::failure);
                LOG.debugf("route %s -> %s", route.key(), spec.handler());
            }
        }
    }

    private void serve(HttpFunction function, HttpRoute route, RoutingContext ctx) {
        HttpServerRequest raw = ctx.request();
        Map<String, List<String>> headers = new HashMap<>();
        raw.headers().forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>()).add(h.getValue()));
        Map<String, String> query = new HashMap<>();
        ctx.queryParams().forEach(q -> query.putIfAbsent(q.getKey(), q.getValue()));
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        HttpResponse response = function.handle(route.key(),
                new HttpRequest(route.method(), raw.path(), headers, query, body, Map.copyOf(ctx.pathParams()),
                        ctx.get(OperatorGate.OPERATOR)));
        write(ctx, response);
    }

    /** Vert.x refuses an oversized body before the function sees it; answer in the same problem format. */
    private void failure(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        Problem problem = status == 413
                ? Problem.of(413, "Payload too large", "the request body exceeds " + bodyLimit + " bytes")
                : Problem.of(status, "Request failed", "the request could not be processed");
        if (status >= 500) {
            LOG.error("request failed", ctx.failure());
        }
        write(ctx, responses.problem(problem));
    }

    /** Answers on the local HTTP server what a function (or a refusal in front of one) answered. */
    static void write(RoutingContext ctx, HttpResponse response) {
        var out = ctx.response().setStatusCode(response.status());
        response.headers().forEach(out::putHeader);
        out.end(Buffer.buffer(response.body()));
    }
}
