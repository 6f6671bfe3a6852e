package io.herald.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;

/** API Gateway events the functions cannot serve are answered as problems, not as Lambda invocation errors. */
class ApiGatewayHttpTest {

    private static final HttpFunction FAILING = new HttpFunction() {
        @Override
        public String name() {
            return "failing";
        }

        @Override
        public HttpResponse handle(String route, HttpRequest request) {
            throw new IllegalStateException("connection to jdbc:postgresql://db/herald?password=hunter2 lost");
        }
    };

    @Test
    void catchAllRouteKeyIsANotFoundProblem() {
        APIGatewayV2HTTPResponse response = ApiGatewayHttp.handle(FAILING, event("$default"));

        assertProblem(response, 404);
    }

    @Test
    void eventWithoutARouteKeyIsANotFoundProblem() {
        assertProblem(ApiGatewayHttp.handle(FAILING, event(null)), 404);
    }

    @Test
    void unhandledFailureIsAServerProblemThatRevealsNothing() {
        APIGatewayV2HTTPResponse response = ApiGatewayHttp.handle(FAILING, event("GET /tasks"));

        assertProblem(response, 500);
        assertThat(response.getBody()).doesNotContain("hunter2").doesNotContain("IllegalStateException")
                .doesNotContain("jdbc");
    }

    private static APIGatewayV2HTTPEvent event(String routeKey) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withRawPath("/anything").build();
    }

    private static void assertProblem(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.getBody()).contains("\"status\":" + status).contains("\"title\"").contains("\"detail\"")
                .contains("\"type\":\"about:blank\"");
    }
}
