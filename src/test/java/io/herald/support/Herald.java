package io.herald.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.signing.Hmac;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drives a running Herald over HTTP only, as xConnector and an operator would, so the same tests run against the
 * packaged application.
 */
public final class Herald {

    public static final String SENDER = "xconnector";
    public static final String SECRET = "local-xconnector-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Herald() {
    }

    /**
     * A request to Herald's HTTP server. RestAssured's default port is taken by the Lambda mock event server in
     * tests, so HTTP tests name the port.
     */
    public static io.restassured.specification.RequestSpecification http() {
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
        return given().baseUri("http://localhost").port(port);
    }

    /** A sample event from {@code samples/events}, with a fresh id so that tests never see each other's events. */
    public static ObjectNode sample(String name) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(Path.of("samples/events", name + ".json")));
            event.put("id", event.get("id").asText() + "-" + UUID.randomUUID());
            return event;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(Object json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a structured CloudEvent signed now. */
    public static Response post(ObjectNode event) {
        return post(bytes(event), "application/cloudevents+json", Instant.now(), SECRET);
    }

    public static Response post(byte[] body, String contentType, Instant signedAt, String secret) {
        String timestamp = Long.toString(signedAt.getEpochSecond());
        return http()
                .header("X-Herald-Sender", SENDER)
                .header("X-Herald-Timestamp", timestamp)
                .header("X-Herald-Signature", Hmac.signatureHeader(secret, timestamp, body))
                .contentType(contentType)
                .body(body)
                .post("/events");
    }

    /** Posts a CloudEvent in binary mode (attributes as ce- headers, data as the body) signed now. */
    public static Response postBinary(ObjectNode event) {
        return binary(event).post();
    }

    /** A CloudEvent as a binary-mode request signed now, to post or to replay altered. */
    public static BinaryRequest binary(ObjectNode event) {
        return BinaryRequest.of(event, Instant.now(), SECRET);
    }

    /** The stored event with its notifications and audit trail, or null when Herald does not know it. */
    public static JsonPath event(String source, String id) {
        Response response = http().queryParam("source", source).queryParam("id", id).get("/events");
        return response.statusCode() == 404 ? null : response.then().statusCode(200).extract().jsonPath();
    }

    /** Everything the OpenText Notifications simulator accepted for one event (its customer reference). */
    public static List<Map<String, Object>> submissionsFor(String eventId) {
        return http().get("/sim/opentext/_messages").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream()
                .filter(s -> eventId.equals(s.get("customerReference")) || eventId.equals(pushReference(s)))
                .toList();
    }

    public static List<Map<String, Object>> submissionsTo(String address) {
        return http().queryParam("to", address).get("/sim/opentext/_messages").then().statusCode(200).extract()
                .jsonPath().getList("$");
    }

    /**
     * Waits until Herald's dispatch queue is empty (delayed retries and status checks included), so that faults
     * set next hit only the calls of the test that sets them.
     */
    public static void awaitIdle() {
        org.awaitility.Awaitility.await("the dispatch queue to empty").atMost(java.time.Duration.ofSeconds(30))
                .until(Herald::dispatchQueueDepth, depth -> depth.equals("0.0"));
    }

    /** As {@code herald_queue_depth} says, so that a wait that times out shows the depth it last saw. */
    private static String dispatchQueueDepth() {
        String prefix = "herald_queue_depth{queue=\"dispatch\"} ";
        return http().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .findFirst().orElse("absent");
    }

    public static void faults(String settings) {
        http().contentType("application/json").body(settings.getBytes(StandardCharsets.UTF_8))
                .post("/sim/opentext/_faults").then().statusCode(200);
    }

    public static void clearFaults() {
        faults("{\"latencyMs\":0,\"failNext\":0,\"down\":false,\"deliveryState\":\"Sent\",\"deliveryStates\":{}}");
    }

    private static Object pushReference(Map<String, Object> submission) {
        Object data = submission.get("data");
        return data instanceof Map<?, ?> map ? map.get("customerReference") : null;
    }
}
