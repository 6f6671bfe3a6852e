package io.herald.flow;

import static io.herald.flow.WorkflowStatusAlertTest.awaitSubmissions;
import static io.herald.flow.WorkflowStatusAlertTest.destination;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Job 2: a failed job in a connected system alerts support with everything they need to act. */
@QuarkusTest
class IntegrationFailureAlertTest {

    @Test
    void failedJobAlertsTheOpsGroupByEmailAndSmsWithTransactionContext() {
        ObjectNode event = Herald.sample("integration-job-failed");
        String id = event.get("id").asText();

        Herald.post(event).then().statusCode(202);

        List<Map<String, Object>> sent = awaitSubmissions(id, 4);
        assertThat(sent).extracting(WorkflowStatusAlertTest::destination).containsExactlyInAnyOrder(
                "frank@example.com", "grace@example.com", "+4915110000006", "+4915110000007");
        for (Map<String, Object> submission : sent) {
            if ("EMAIL".equals(submission.get("channel"))) {
                assertThat((String) submission.get("subject")).contains("EDI-504").contains("SAP S/4HANA")
                        .contains("TX-2026-11-29-88213");
                assertThat((String) submission.get("text")).contains("Transaction id: TX-2026-11-29-88213")
                        .contains("Error code:     EDI-504")
                        .contains("Retry status:   retry 3 of 5 scheduled in 10 minutes");
            } else {
                assertThat((String) submission.get("smsText")).contains("EDI-504").contains("TX-2026-11-29-88213")
                        .contains("retry 3 of 5");
            }
        }
        assertThat(destination(sent.get(0))).isNotBlank();
    }
}
