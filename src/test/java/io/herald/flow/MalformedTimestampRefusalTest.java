package io.herald.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.signing.Hmac;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A signature timestamp that is not Unix seconds within the replay window, however far out of range, is a 401
 * problem on every signed route, never a server error.
 */
@QuarkusTest
class MalformedTimestampRefusalTest {

    /** The local-mode webhook secret, as configured in application.properties. */
    private static final String WEBHOOK_SECRET = "local-opentext-webhook-secret";

    static Stream<String> malformedTimestamps() {
        return Stream.of("99999999999999999", "-99999999999999999", "1e9", "", "9".repeat(400),
                "-9223372036854775808");
    }

    @ParameterizedTest
    @MethodSource("malformedTimestamps")
    void malformedTimestampOnAnEventIsRefused(String timestamp) {
        ObjectNode event = Herald.sample("shipment-delayed");
        byte[] body = Herald.bytes(event);

        assertRefused(Herald.http().header("X-Herald-Sender", Herald.SENDER).header("X-Herald-Timestamp", timestamp)
                .header("X-Herald-Signature", Hmac.signatureHeader(Herald.SECRET, timestamp, body))
                .contentType("application/cloudevents+json").body(body).post("/events").then());

        assertThat(Herald.event(event.get("source").asText(), event.get("id").asText())).isNull();
    }

    @ParameterizedTest
    @MethodSource("malformedTimestamps")
    void malformedTimestampOnAStatusPushIsRefused(String timestamp) {
        byte[] body = "{\"job_id\":\"pushed-job\",\"job_state\":[],\"deliveries\":[]}".getBytes(StandardCharsets.UTF_8);

        assertRefused(Herald.http().header("X-Herald-Timestamp", timestamp)
                .header("X-Herald-Signature", Hmac.signatureHeader(WEBHOOK_SECRET, timestamp, body))
                .contentType("application/json").body(body).post("/opentext/status").then());
    }

    private static void assertRefused(ValidatableResponse response) {
        response.statusCode(401).contentType("application/problem+json").body("status", equalTo(401))
                .body("detail", containsString("Unix time in seconds"))
                .body("detail", containsString("replay window"))
                .body("detail", org.hamcrest.Matchers.not(containsString("99999999")));
    }
}
