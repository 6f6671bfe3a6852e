package io.herald.flow;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * Refusals of the HTTP server itself (no such path, wrong method, unreadable or oversized body) are problems
 * like the functions' own, and Quarkus's endpoints and the Funqy routes still answer normally.
 */
@QuarkusTest
class HttpRefusalProblemsTest {

    @Test
    void unknownPathIsAProblem() {
        assertProblem(Herald.http().get("/no-such-path/secret-looking-segment").then(), 404)
                .body("detail", not(containsString("secret-looking-segment")));
    }

    @Test
    void wrongMethodIsAProblemNamingTheMethodsThePathTakes() {
        assertProblem(Herald.http().delete("/events").then(), 405).header("Allow", equalTo("GET, POST"))
                .body("detail", containsString("GET, POST"));
    }

    @Test
    void wrongMethodOnAPathWithAParameterNamesItsMethods() {
        assertProblem(Herald.http().delete("/tasks/some-task").then(), 405).header("Allow", equalTo("GET"));
    }

    @Test
    void wrongMethodOnAFunqyRouteIsAProblem() {
        assertProblem(Herald.http().put("/dispatch").then(), 405).header("Allow", equalTo("GET, POST"));
    }

    @Test
    void malformedJsonForAFunqyRouteIsAProblem() {
        assertProblem(Herald.http().contentType("application/json").body("{\"notificationId\": ").post("/dispatch")
                .then(), 400).body("detail", containsString("valid JSON"));
    }

    @Test
    void oversizedBodyIsAProblem() {
        byte[] body = new byte[4 * 1024 * 1024 + 1];

        assertProblem(Herald.http().contentType("application/json").body(body).post("/responses").then(), 413);
    }

    @Test
    void unsupportedMediaTypeIsAProblem() {
        assertProblem(Herald.http().contentType("text/plain").body("approve").post("/responses").then(), 415);
    }

    /** Vert.x's HTTP decoder answers this before any of Herald's code runs; the body cannot be shaped. */
    @Test
    void oversizedHeaderIsRefusedBeforeHerald() {
        Herald.http().header("X-Padding", "x".repeat(40_000)).get("/tasks").then().statusCode(431);
    }

    @Test
    void operationsEndpointsStillAnswer() {
        Herald.http().get("/q/health").then().statusCode(200).contentType(containsString("json"));
        Herald.http().get("/q/metrics").then().statusCode(200).body(containsString("herald_queue_depth"));
    }

    private static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo("about:blank"))
                .body("title", not(equalTo(null)))
                .body("detail", not(equalTo(null)))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }
}
