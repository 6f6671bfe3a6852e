package io.herald.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Translates API Gateway HTTP API events (payload format 2.0) to the requests functions handle, and their
 * responses back. The body reaches the function byte for byte, so signatures still verify.
 */
public final class ApiGatewayHttp {

    private static final Logger LOG = Logger.getLogger(ApiGatewayHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiGatewayHttp() {
    }

    public static APIGatewayV2HTTPResponse handle(HttpFunction function, APIGatewayV2HTTPEvent event) {
        String route = event.getRouteKey();
        if (route == null || route.isBlank() || !route.contains(" ")) {
            // A catch-all route ($default) or a hand-made event names no route a function serves.
            return response(problem(Problem.of(404, "Not Found", "nothing is served at this path")));
        }
        try {
            return response(function.handle(route, request(event)));
        } catch (RuntimeException e) {
            // Without this, Lambda reports an invocation error and API Gateway answers its own non-problem 500.
            LOG.errorf(e, "%s failed", route);
            return response(problem(Problem.of(500, "Internal Server Error",
                    "the request failed inside Herald; it is logged, retry later")));
        }
    }

    private static HttpResponse problem(Problem problem) {
        try {
            return new HttpResponse(problem.status(), Map.of("Content-Type", Problem.MEDIA_TYPE),
                    JSON.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem not serialisable", e);
        }
    }

    static HttpRequest request(APIGatewayV2HTTPEvent event) {
        Map<String, List<String>> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            // API Gateway joins repeated headers with commas; a function sees them as one value, as over HTTP/1.1.
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT),
                    new ArrayList<>(List.of(value))));
        }
        if (event.getCookies() != null && !event.getCookies().isEmpty()) {
            headers.put("cookie", List.of(String.join("; ", event.getCookies())));
        }
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of()
                : Map.copyOf(event.getQueryStringParameters());
        String method = event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? event.getRouteKey().split(" ", 2)[0]
                : event.getRequestContext().getHttp().getMethod();
        Map<String, String> pathParameters = event.getPathParameters() == null ? Map.of()
                : Map.copyOf(event.getPathParameters());
        return new HttpRequest(method, event.getRawPath(), headers, query, body(event), pathParameters,
                iamCaller(event));
    }

    /** The AWS principal API Gateway's IAM authorisation admitted, on routes that use it. */
    private static String iamCaller(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getIam() == null) {
            return null;
        }
        return context.getAuthorizer().getIam().getUserArn();
    }

    private static byte[] body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return new byte[0];
        }
        return event.getIsBase64Encoded() ? Base64.getDecoder().decode(event.getBody())
                : event.getBody().getBytes(StandardCharsets.UTF_8);
    }

    static APIGatewayV2HTTPResponse response(HttpResponse response) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.bodyText())
                .withIsBase64Encoded(false)
                .build();
    }
}
