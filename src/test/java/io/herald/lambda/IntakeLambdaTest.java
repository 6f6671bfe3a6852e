package io.herald.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.signing.Hmac;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The intake Lambda handler, fed API Gateway HTTP API events (payload 2.0) through the Lambda mock event server,
 * which RestAssured's default port reaches in tests.
 */
@QuarkusTest
class IntakeLambdaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void signedEventThroughApiGatewayIsAcceptedAndRouted() throws IOException {
        ObjectNode event = Herald.sample("integration-job-failed");
        byte[] body = Herald.bytes(event);

        JsonPath answer = given().contentType("application/json").body(apiGatewayEvent(body, Herald.SECRET))
                .post().then().statusCode(200).body("statusCode", equalTo(202)).extract().jsonPath();

        JsonPath accepted = new JsonPath(answer.getString("body"));
        assertThat(accepted.getString("id")).isEqualTo(event.get("id").asText());
        assertThat(accepted.getList("rules")).containsExactly("integration-failure");
        assertThat(Herald.event(event.get("source").asText(), event.get("id").asText())).isNotNull();
    }

    @Test
    void badSignatureThroughApiGatewayGetsAProblem() throws IOException {
        ObjectNode event = Herald.sample("integration-job-failed");

        given().contentType("application/json").body(apiGatewayEvent(Herald.bytes(event), "wrong-secret"))
                .post().then().statusCode(200).body("statusCode", equalTo(401))
                .body("headers.Content-Type", equalTo("application/problem+json"))
                .body("body", containsString("does not verify"));

        assertThat(Herald.event(event.get("source").asText(), event.get("id").asText())).isNull();
    }

    /** The AWS-documented event shape from the fixture, carrying this body, signed now. */
    private static byte[] apiGatewayEvent(byte[] body, String secret) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(
                Path.of("src/test/resources/aws/apigw-v2-post-events.json")));
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        ObjectNode headers = (ObjectNode) event.get("headers");
        headers.put("content-length", Integer.toString(body.length));
        headers.put("x-herald-timestamp", timestamp);
        headers.put("x-herald-signature", Hmac.signatureHeader(secret, timestamp, body));
        event.put("body", Base64.getEncoder().encodeToString(body));
        return JSON.writeValueAsBytes(event);
    }
}
