package io.herald.flow;

import static io.herald.flow.WorkflowStatusAlertTest.awaitSubmissions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nothing is lost, and nothing is sent twice, when OpenText Notifications fails or is down. */
@QuarkusTest
class DispatchResilienceTest {

    @BeforeEach
    void earlierWorkIsDone() {
        Herald.awaitIdle();
    }

    @AfterEach
    void providerBehavesAgain() {
        Herald.clearFaults();
    }

    @Test
    void twoServerErrorsThenSuccessGiveExactlyOneAcceptedSubmission() throws InterruptedException {
        Herald.faults("{\"failNext\":2,\"failStatus\":503,\"retryAfterSeconds\":0}");
        ObjectNode event = singleRecipientEvent();
        String id = event.get("id").asText();

        Herald.post(event).then().statusCode(202);

        awaitSubmissions(id, 1);
        Thread.sleep(500);
        assertThat(Herald.submissionsFor(id)).hasSize(1);
        JsonPath stored = awaitNotificationStatus(event, "DELIVERED");
        assertThat(stored.getList("audit.step").stream().filter("retrying"::equals)).hasSize(2);
        assertThat(stored.getInt("notifications[0].attempts")).isEqualTo(3);
    }

    @Test
    void permanentRejectionMarksTheNotificationDeadAndAlertsOps() {
        Herald.faults("{\"failNext\":1,\"failStatus\":400}");
        ObjectNode event = singleRecipientEvent();
        String id = event.get("id").asText();

        Herald.post(event).then().statusCode(202);

        JsonPath stored = awaitNotificationStatus(event, "DEAD");
        assertThat(stored.getString("notifications[0].lastError")).contains("400");
        assertThat(stored.getList("audit.step")).contains("dead", "alerted");
        String notificationId = stored.getString("notifications[0].id");
        List<Map<String, Object>> alerts = awaitSubmissionsFor("undeliverable-" + notificationId, 4);
        assertThat(alerts).extracting(WorkflowStatusAlertTest::destination).containsExactlyInAnyOrder(
                "frank@example.com", "grace@example.com", "+4915110000006", "+4915110000007");
        Map<String, Object> email = alerts.stream().filter(a -> "EMAIL".equals(a.get("channel"))).findFirst()
                .orElseThrow();
        assertThat((String) email.get("subject")).contains(id).contains("HTTP 400");
        assertThat((String) email.get("text")).contains("gave up after 1 attempt(s)");
        assertThat(Herald.submissionsFor(id)).isEmpty();
    }

    @Test
    void alertThatCannotBeDeliveredRaisesNoFurtherAlert() throws InterruptedException {
        Herald.faults("{\"failNext\":5,\"failStatus\":400}");
        ObjectNode event = singleRecipientEvent();

        Herald.post(event).then().statusCode(202);

        String notificationId = awaitNotificationStatus(event, "DEAD").getString("notifications[0].id");
        String alertId = "undeliverable-" + notificationId;
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonPath alert = Herald.event("urn:herald:dispatch", alertId);
            return alert != null && alert.getList("notifications.status").size() == 4
                    && alert.getList("notifications.status").stream().allMatch("DEAD"::equals);
        });
        Thread.sleep(500);
        for (String alertNotification : Herald.event("urn:herald:dispatch", alertId).<String>getList(
                "notifications.id")) {
            assertThat(Herald.event("urn:herald:dispatch", "undeliverable-" + alertNotification)).isNull();
        }
    }

    @Test
    void notificationsWaitWhileTheProviderIsDownAndGoOutOnceItIsBack() throws InterruptedException {
        Herald.faults("{\"down\":true}");
        ObjectNode event = singleRecipientEvent();
        String id = event.get("id").asText();

        Herald.post(event).then().statusCode(202);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                Herald.event(event.get("source").asText(), id).getInt("notifications[0].attempts") >= 3);
        assertThat(Herald.submissionsFor(id)).isEmpty();
        assertThat(Herald.event(event.get("source").asText(), id).getString("notifications[0].status"))
                .isIn("PENDING", "SENDING");

        Herald.faults("{\"down\":false}");

        awaitSubmissions(id, 1);
        awaitNotificationStatus(event, "DELIVERED");
        Thread.sleep(500);
        assertThat(Herald.submissionsFor(id)).hasSize(1);
    }

    /** A delayed shipment of normal severity: one e-mail, to its owner carol. */
    private static ObjectNode singleRecipientEvent() {
        ObjectNode event = Herald.sample("shipment-delayed");
        ((ObjectNode) event.get("data")).put("severity", "normal");
        return event;
    }

    private static JsonPath awaitNotificationStatus(ObjectNode event, String status) {
        String source = event.get("source").asText();
        String id = event.get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<String> statuses = Herald.event(source, id).getList("notifications.status");
            return statuses.size() == 1 && status.equals(statuses.get(0));
        });
        return Herald.event(source, id);
    }

    private static List<Map<String, Object>> awaitSubmissionsFor(String reference, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Herald.submissionsFor(reference).size() >= count);
        return Herald.submissionsFor(reference);
    }
}
