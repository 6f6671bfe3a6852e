package io.herald.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Event data that is not a JSON object (null, an array, a string, a number) never leaves a notification retried for
 * ever: each is delivered, or given up with an alert to the operations group.
 */
@QuarkusTest
class DataOfAnyShapeTest {

    private static final String SOURCE = "/xconnector/runtime/scheduler";
    private static final List<String> OPS = List.of("frank@example.com", "grace@example.com", "+4915110000006",
            "+4915110000007");

    @ParameterizedTest
    @ValueSource(strings = {"null", "[1,2]", "\"text\"", "42"})
    void everyNotificationIsDeliveredOrGivenUpWithAnOpsAlert(String data) throws Exception {
        String id = "job-data-" + UUID.randomUUID();

        postBinary(id, data);

        List<Map<String, Object>> notifications = awaitSettled(id);
        assertThat(notifications).hasSize(4);
        for (Map<String, Object> notification : notifications) {
            String notificationId = (String) notification.get("id");
            if ("DEAD".equals(notification.get("status"))) {
                await().atMost(Duration.ofSeconds(20)).until(
                        () -> Herald.submissionsFor("undeliverable-" + notificationId).size() == OPS.size());
                assertThat(Herald.submissionsFor("undeliverable-" + notificationId))
                        .extracting(WorkflowStatusAlertTest::destination).containsExactlyInAnyOrderElementsOf(OPS);
            } else {
                assertThat(Herald.submissionsFor(id)).extracting(WorkflowStatusAlertTest::destination)
                        .containsOnlyOnce((String) notification.get("address"));
            }
        }
    }

    private static void postBinary(String id, String data) throws Exception {
        ObjectNode event = JsonNodeFactory.instance.objectNode().put("specversion", "1.0").put("id", id)
                .put("source", SOURCE).put("type", "integration.job.failed").put("datacontenttype", "application/json");
        event.set("data", new ObjectMapper().readTree(data));
        Herald.postBinary(event).then().statusCode(202);
    }

    /** Waits until no notification of the event is pending or being sent any more. */
    private static List<Map<String, Object>> awaitSettled(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> statuses = Herald.event(SOURCE, id).getList("notifications.status");
            return !statuses.isEmpty() && statuses.stream().noneMatch(s -> s.equals("PENDING") || s.equals("SENDING"));
        });
        JsonPath event = Herald.event(SOURCE, id);
        return event.getList("notifications");
    }
}
