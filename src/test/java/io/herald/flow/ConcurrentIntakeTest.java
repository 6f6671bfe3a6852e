package io.herald.flow;

import static io.herald.flow.WorkflowStatusAlertTest.awaitSubmissions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Events posted at the same time, which the store writes together (group commit), are each answered, stored,
 * routed and sent as if they had come alone.
 */
@QuarkusTest
class ConcurrentIntakeTest {

    private static final int EVENTS = 96;
    private static final int SENDERS = 32;

    @Test
    void concurrentEventsAreEachStoredRoutedAndSentOnce() throws Exception {
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(oneEmailEvent());
        }
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<JsonPath>> answers = new ArrayList<>();
        try {
            for (ObjectNode event : events) {
                answers.add(senders.submit(() -> Herald.post(event).then().statusCode(202).extract().jsonPath()));
            }
            for (int i = 0; i < EVENTS; i++) {
                JsonPath answer = answers.get(i).get(60, TimeUnit.SECONDS);
                assertThat(answer.getString("id")).isEqualTo(events.get(i).get("id").asText());
                assertThat(answer.getBoolean("duplicate")).isFalse();
                assertThat(answer.getList("notifications.channel")).containsExactly("email");
            }
        } finally {
            senders.shutdownNow();
        }

        for (ObjectNode event : events) {
            String id = event.get("id").asText();
            awaitSubmissions(id, 1);
            JsonPath stored = Herald.event(event.get("source").asText(), id);
            assertThat(stored.getString("event.status")).isEqualToIgnoringCase("routed");
            assertThat(stored.getList("audit.step")).containsOnlyOnce("received", "routed");
        }
        // With the dispatch queue empty, nothing is left that could send again: each e-mail went out once.
        Herald.awaitIdle();
        for (ObjectNode event : events) {
            assertThat(Herald.submissionsFor(event.get("id").asText())).hasSize(1);
        }
    }

    /** Shipment delayed, owner carol, no team, low severity: one e-mail, no task, no SLA clock. */
    private static ObjectNode oneEmailEvent() {
        ObjectNode event = Herald.sample("shipment-delayed");
        ObjectNode data = (ObjectNode) event.get("data");
        data.remove("team");
        data.put("severity", "low");
        return event;
    }
}
