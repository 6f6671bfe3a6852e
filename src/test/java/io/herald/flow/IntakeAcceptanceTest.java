package io.herald.flow;

import static io.herald.flow.WorkflowStatusAlertTest.awaitSubmissions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What intake promises for good input: stored once, routed once, answered with what it was routed to. */
@QuarkusTest
class IntakeAcceptanceTest {

    @Test
    void duplicateEventIsRoutedOnce() throws InterruptedException {
        ObjectNode event = Herald.sample("shipment-delayed");
        String id = event.get("id").asText();

        List<String> first = Herald.post(event).then().statusCode(202).body("duplicate", equalTo(false))
                .extract().jsonPath().getList("notifications.id");
        List<String> second = Herald.post(event).then().statusCode(202).body("duplicate", equalTo(true))
                .extract().jsonPath().getList("notifications.id");

        assertThat(second).containsExactlyInAnyOrderElementsOf(first);
        awaitSubmissions(id, 2);
        Thread.sleep(500);
        assertThat(Herald.submissionsFor(id)).hasSize(2);
        JsonPath stored = Herald.event(event.get("source").asText(), id);
        assertThat(stored.getList("audit.step")).containsOnlyOnce("received", "routed");
    }

    @Test
    void binaryModeEventIsAccepted() {
        ObjectNode event = Herald.sample("integration-job-failed");
        String id = event.get("id").asText();

        Herald.postBinary(event)
                .then().statusCode(202).body("rules", hasItem("integration-failure"));

        awaitSubmissions(id, 4);
    }

    @Test
    void batchIsStoredAndRoutedEventByEvent() {
        ObjectNode first = Herald.sample("case-customer-replied");
        ObjectNode second = Herald.sample("approval-completed");

        Herald.post(Herald.bytes(List.of(first, second)), "application/cloudevents-batch+json", Instant.now(),
                Herald.SECRET).then().statusCode(202).body("results", hasSize(2))
                .body("results[0].id", equalTo(first.get("id").asText()))
                .body("results[1].rules", hasItem("erp-workflow-status"));

        assertThat(Herald.event(first.get("source").asText(), first.get("id").asText())).isNotNull();
        awaitSubmissions(second.get("id").asText(), 2);
    }

    @Test
    void eventNoRuleMatchesIsStoredAndListedAsUnrouted() {
        ObjectNode event = Herald.sample("shipment-delayed");
        event.put("type", "erp.inventory.counted");
        String id = event.get("id").asText();

        Herald.post(event).then().statusCode(202).body("status", equalTo("unrouted"))
                .body("notifications", hasSize(0));

        assertThat(io.herald.support.Herald.http().queryParam("limit", 500).get("/events/unrouted").then().statusCode(200).extract()
                .jsonPath().getList("events.id")).contains(id);
    }

    @Test
    void deliveryStatusIsRecordedPerRecipient() {
        ObjectNode event = Herald.sample("approval-completed");
        String source = event.get("source").asText();
        String id = event.get("id").asText();

        Herald.post(event).then().statusCode(202);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                Herald.event(source, id).getList("notifications.status").stream().allMatch("DELIVERED"::equals));
        JsonPath stored = Herald.event(source, id);
        assertThat(stored.getList("notifications.recipient")).containsExactlyInAnyOrder("bob", "alice");
        assertThat(stored.getList("notifications.deliveryState")).containsOnly("Sent");
        assertThat(stored.getList("audit.step")).contains("received", "routed", "sent", "delivered");
    }
}
