package io.herald.simulator.xconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.signing.Hmac;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated xConnector receives write-backs as the contract says xConnector does. */
@QuarkusTest
class XConnectorSimulatorHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "herald.writeback.secret")
    String secret;

    @Inject
    XConnectorSimulator simulator;

    @AfterEach
    void noFaultsLeft() {
        simulator.faults().reset();
    }

    @Test
    void emittedEventsAreSignedInStructuredAndBinaryMode() {
        for (String mode : java.util.List.of("structured", "binary")) {
            ObjectNode event = Herald.sample("shipment-delayed");

            Herald.http().queryParam("mode", mode).contentType("application/json").body(Herald.bytes(event))
                    .post("/sim/xconnector/emit").then().statusCode(202)
                    .body("id", equalTo(event.get("id").asText()));

            assertThat(Herald.event(event.get("source").asText(), event.get("id").asText())).isNotNull();
        }
    }

    @Test
    void signedWriteBackIsAppliedAndTheSameKeyAgainIsAConflictRecordedOnce() {
        ObjectNode body = writeBack();
        String id = body.get("id").asText();

        post(body, id, Instant.now(), secret).then().statusCode(200).body("status", equalTo("applied"));
        post(body, id, Instant.now(), secret).then().statusCode(409).body("status", equalTo("already_applied"));

        assertThat(applied(id)).isEqualTo(1);
        Herald.http().get("/sim/xconnector/writebacks").then().statusCode(200)
                .body("writebacks.body.id", hasItem(id));
    }

    @Test
    void aSignatureListWithOneValidSignatureIsAppliedAsDuringARotation() {
        ObjectNode body = writeBack();
        String id = body.get("id").asText();
        byte[] bytes = Herald.bytes(body);
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        // Herald signs with the new secret first; this xConnector still holds only the previous one
        String signatures = Hmac.signatureHeader("a-secret-this-xconnector-does-not-know-yet", timestamp, bytes) + ","
                + Hmac.signatureHeader(secret, timestamp, bytes);
        post(bytes, id, timestamp, signatures).then().statusCode(200).body("status", equalTo("applied"));

        assertThat(applied(id)).isEqualTo(1);
    }

    @Test
    void aSignatureListWithoutAValidSignatureIsRefused() {
        ObjectNode body = writeBack();
        String id = body.get("id").asText();
        byte[] bytes = Herald.bytes(body);
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        String signatures = Hmac.signatureHeader("one-unknown-secret", timestamp, bytes) + ","
                + Hmac.signatureHeader("another-unknown-secret", timestamp, bytes);
        post(bytes, id, timestamp, signatures).then().statusCode(401).body("error", equalTo("invalid_signature"));

        assertThat(applied(id)).isZero();
    }

    @Test
    void wrongSecretIsRefusedWith401AndNothingIsApplied() {
        ObjectNode body = writeBack();
        String id = body.get("id").asText();

        post(body, id, Instant.now(), "not-the-secret").then().statusCode(401)
                .body("error", equalTo("invalid_signature"));

        assertThat(applied(id)).isZero();
    }

    @Test
    void unsignedOrStaleCallsAreRefusedWith401() {
        ObjectNode body = writeBack();
        String id = body.get("id").asText();

        Herald.http().contentType("application/json").header("Idempotency-Key", id).body(Herald.bytes(body))
                .post("/sim/xconnector/writebacks").then().statusCode(401);
        post(body, id, Instant.now().minus(Duration.ofMinutes(6)), secret).then().statusCode(401);

        assertThat(applied(id)).isZero();
    }

    @Test
    void bodyThatBreaksTheContractIsRefusedWith400NamingTheProblems() {
        ObjectNode body = writeBack();
        body.remove("actor");
        body.put("kind", "maybe");
        String id = body.get("id").asText();

        post(body, "another-key", Instant.now(), secret).then().statusCode(400)
                .body("details", hasItem("actor is required (a non-empty string)"))
                .body("details", hasItem("the Idempotency-Key header must equal id"))
                .body("details", hasItem("kind must be one of " + WriteBackContract.KINDS));

        assertThat(applied(id)).isZero();
    }

    @Test
    void plannedFailuresAnswerTheirStatusWithRetryAfterAndApplyNothing() {
        Herald.http().contentType("application/json").body("{\"failNext\":1,\"failStatus\":503,\"retryAfterSeconds\":7}")
                .post("/sim/xconnector/_faults").then().statusCode(200).body("failNext", equalTo(1));
        ObjectNode body = writeBack();
        String id = body.get("id").asText();

        post(body, id, Instant.now(), secret).then().statusCode(503).header("Retry-After", "7");
        post(body, id, Instant.now(), secret).then().statusCode(200);

        assertThat(applied(id)).isEqualTo(1);
    }

    @Test
    void misspeltFaultIsRefused() {
        Herald.http().contentType("application/json").body("{\"failnext\":1}").post("/sim/xconnector/_faults")
                .then().statusCode(400);
        Herald.http().contentType("application/json").body("{\"failStatus\":200}").post("/sim/xconnector/_faults")
                .then().statusCode(400);
    }

    private long applied(String id) {
        return simulator.writeBacks().stream().filter(w -> id.equals(w.header("Idempotency-Key"))).count();
    }

    private static Response post(ObjectNode body, String key, Instant signedAt, String secret) {
        byte[] bytes = Herald.bytes(body);
        String timestamp = Long.toString(signedAt.getEpochSecond());
        return Herald.http().contentType("application/json")
                .header("Idempotency-Key", key)
                .header("X-Herald-Timestamp", timestamp)
                .header("X-Herald-Signature", Hmac.signatureHeader(secret, timestamp, bytes))
                .body(bytes).post("/sim/xconnector/writebacks");
    }

    private static Response post(byte[] bytes, String key, String timestamp, String signatures) {
        return Herald.http().contentType("application/json")
                .header("Idempotency-Key", key)
                .header("X-Herald-Timestamp", timestamp)
                .header("X-Herald-Signature", signatures)
                .body(bytes).post("/sim/xconnector/writebacks");
    }

    private static ObjectNode writeBack() {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "wb-" + UUID.randomUUID());
        body.put("kind", "response");
        body.put("targetSystem", "s4-purchasing");
        body.put("entityType", "purchase-order");
        body.put("entityId", "PO-4711");
        body.put("action", "approve");
        body.put("actor", "bob");
        body.put("occurredAt", "2026-11-29T10:15:30Z");
        ObjectNode correlation = body.putObject("correlation");
        correlation.put("eventSource", "/xconnector/erp/s4-purchasing");
        correlation.put("eventId", "po-4711-approval");
        correlation.put("taskId", "task-1");
        return body;
    }
}
