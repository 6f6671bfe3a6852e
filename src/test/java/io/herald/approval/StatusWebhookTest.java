package io.herald.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.signing.Hmac;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OpenText Notifications' delivery-status pushes reach the callback function, verified by signature. */
@QuarkusTest
class StatusWebhookTest {

    /** The local-mode webhook secret, as configured in application.properties. */
    private static final String SECRET = "local-opentext-webhook-secret";

    @AfterEach
    void providerBehavesAgain() {
        Herald.clearFaults();
    }

    @Test
    void signedPushRecordsTheDeliveryOutcome() {
        String notification = sentNotificationStillInProgress();

        push(notification, "Error", SECRET).then().statusCode(200).body("reported", org.hamcrest.Matchers.equalTo(1));

        assertThat(status(notification)).isEqualTo("FAILED");
    }

    @Test
    void wronglySignedPushIsRefusedAndChangesNothing() {
        String notification = sentNotificationStillInProgress();

        push(notification, "Sent", "not-the-secret").then().statusCode(401)
                .contentType("application/problem+json");

        assertThat(status(notification)).isEqualTo("SENT");
    }

    private ObjectNode event;

    /** A notification OpenText accepted but reports as still being delivered, so polling leaves it SENT. */
    private String sentNotificationStillInProgress() {
        Herald.awaitIdle();
        Herald.faults("{\"deliveryState\":\"Submitted\"}");
        event = Herald.sample("shipment-delayed");
        ((ObjectNode) event.get("data")).put("severity", "normal");
        Herald.post(event).then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(notificationStatus()));
        return stored().getString("notifications[0].id");
    }

    private JsonPath stored() {
        return Herald.event(event.get("source").asText(), event.get("id").asText());
    }

    private String notificationStatus() {
        return stored().getString("notifications[0].status");
    }

    private String status(String notification) {
        assertThat(stored().getString("notifications[0].id")).isEqualTo(notification);
        return notificationStatus();
    }

    private static io.restassured.response.Response push(String ref, String state, String secret) {
        byte[] body = ("{\"job_id\":\"pushed-job\",\"job_state\":[],\"deliveries\":[{\"ref\":\"" + ref
                + "\",\"destination\":\"carol@example.com\",\"delivery_attempts\":[{\"state\":\"" + state
                + "\",\"gamma_code\":\"0\"}]}]}").getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return Herald.http().header("X-Herald-Timestamp", timestamp)
                .header("X-Herald-Signature", Hmac.signatureHeader(secret, timestamp, body))
                .contentType("application/json").body(body).post("/opentext/status");
    }
}
