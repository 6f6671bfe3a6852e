package io.herald.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.signing.Hmac;
import io.herald.support.BinaryRequest;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A binary-mode request's signature covers its attributes and Content-Type, so a captured request cannot be posted
 * again as other events; and no request makes Herald hash more than a valid one would.
 */
@QuarkusTest
class SignedAttributesTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void binaryRequestReplayedWithNewIdIsRefused() {
        ObjectNode event = Herald.sample("integration-job-failed");
        BinaryRequest captured = Herald.binary(event);
        captured.post().then().statusCode(202).body("id", equalTo(event.get("id").asText()));

        String newId = event.get("id").asText() + "-again";
        captured.with("ce-id", newId).post().then().statusCode(401).contentType(PROBLEM)
                .body("detail", containsString("binary mode"));

        assertThat(Herald.event(event.get("source").asText(), newId)).isNull();
    }

    @Test
    void binaryRequestSignedOverBodyOnlyIsRefused() {
        ObjectNode event = Herald.sample("integration-job-failed");
        BinaryRequest request = Herald.binary(event);

        request.signedAs(Hmac.signatureHeader(Herald.SECRET, request.timestamp(), request.body())).post()
                .then().statusCode(401).contentType(PROBLEM)
                .body("detail", containsString("binary mode"))
                .body("detail", containsString("Sending events"));

        assertNotStored(event);
    }

    static Stream<String[]> changes() {
        return Stream.of(new String[] {"ce-type", "erp.shipment.delayed"},
                new String[] {"ce-source", "/xconnector/erp/elsewhere"},
                new String[] {"ce-subject", "added after signing"},
                new String[] {"content-type", "text/json"});
    }

    @ParameterizedTest
    @MethodSource("changes")
    void attributeOrContentTypeChangedIsRefused(String header, String value) {
        ObjectNode event = Herald.sample("integration-job-failed");

        Herald.binary(event).with(header, value).post().then().statusCode(401).contentType(PROBLEM);

        assertNotStored(event);
    }

    @Test
    void structuredRequestWithCeHeadersIsRefused() {
        ObjectNode event = Herald.sample("shipment-delayed");
        byte[] body = Herald.bytes(event);
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        Herald.http().header("X-Herald-Sender", Herald.SENDER).header("X-Herald-Timestamp", timestamp)
                .header("X-Herald-Signature", Hmac.signatureHeader(Herald.SECRET, timestamp, body))
                .header("ce-id", "other-id").contentType("application/cloudevents+json").body(body).post("/events")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("ce-id"));

        assertNotStored(event);
    }

    @Test
    void oversizedBodyIsRefusedBeforeHashing() {
        ObjectNode event = Herald.sample("shipment-delayed");
        ((ObjectNode) event.get("data")).put("message", "x".repeat(300_000));

        Herald.http().header("X-Herald-Sender", Herald.SENDER)
                .header("X-Herald-Timestamp", Long.toString(Instant.now().getEpochSecond()))
                .header("X-Herald-Signature", "sha256=garbage")
                .contentType("application/cloudevents+json").body(Herald.bytes(event)).post("/events")
                .then().statusCode(413).contentType(PROBLEM).body("detail", containsString("262144"));

        assertNotStored(event);
    }

    @Test
    void sixSignaturesAreRefused() {
        ObjectNode event = Herald.sample("shipment-delayed");
        byte[] body = Herald.bytes(event);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String valid = Hmac.signatureHeader(Herald.SECRET, timestamp, body);

        Herald.http().header("X-Herald-Sender", Herald.SENDER).header("X-Herald-Timestamp", timestamp)
                .header("X-Herald-Signature", String.join(",", Collections.nCopies(6, valid)))
                .contentType("application/cloudevents+json").body(body).post("/events")
                .then().statusCode(401).contentType(PROBLEM).body("detail", containsString("more than 5"));

        assertNotStored(event);
    }

    @Test
    void sendEventScriptPostsBinaryModeSignedOverTheAttributes() throws IOException, InterruptedException {
        for (String tool : List.of("bash", "openssl", "curl", "python3")) {
            Assumptions.assumeTrue(onPath(tool), tool + " is not installed");
        }
        ObjectNode event = Herald.sample("case-priority-changed");
        Path file = Files.createTempFile("event", ".json");
        Files.write(file, Herald.bytes(event));
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);

        ProcessBuilder builder = new ProcessBuilder("bin/send-event", "--binary", file.toString())
                .redirectErrorStream(true);
        builder.environment().put("HERALD_URL", "http://localhost:" + port);
        builder.environment().put("HERALD_SECRET", Herald.SECRET);
        Process script = builder.start();
        script.getOutputStream().close();
        String answer = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Files.delete(file);

        assertThat(script.exitValue()).as(answer).isZero();
        assertThat(answer).contains("\"id\":\"" + event.get("id").asText() + "\"").doesNotContain("\"status\":4");
        JsonPath stored = Herald.event(event.get("source").asText(), event.get("id").asText());
        assertThat(stored).isNotNull();
    }

    private static boolean onPath(String tool) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
    }

    private static void assertNotStored(ObjectNode event) {
        assertThat(Herald.event(event.get("source").asText(), event.get("id").asText())).isNull();
    }
}
