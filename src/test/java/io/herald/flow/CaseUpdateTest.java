package io.herald.flow;

import static io.herald.flow.WorkflowStatusAlertTest.awaitSubmissions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.herald.support.Tasks;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Job 6: case priority changes and customer replies reach the service team. */
@QuarkusTest
class CaseUpdateTest {

    @Test
    void urgentPriorityReachesAssigneeTeamAndTheAssigneesManager() {
        ObjectNode event = Herald.sample("case-priority-changed");
        String id = event.get("id").asText();

        Herald.post(event).then().statusCode(202);

        List<Map<String, Object>> sent = awaitSubmissions(id, 5);
        List<Map<String, Object>> emails = sent.stream().filter(s -> "EMAIL".equals(s.get("channel"))).toList();
        assertThat(emails).extracting(WorkflowStatusAlertTest::destination)
                .containsExactlyInAnyOrder("dave@example.com", "erin@example.com");
        assertThat(emails).allSatisfy(email -> {
            assertThat((String) email.get("subject")).contains("CS-5521").contains("Priority raised");
            assertThat((String) email.get("text")).contains("Nordwind Logistics GmbH").contains("urgent (was high)");
        });
        List<Map<String, Object>> pushes = sent.stream().filter(s -> "INAPP".equals(s.get("channel"))).toList();
        assertThat(pushes.stream().flatMap(p -> ((List<?>) p.get("users")).stream()).map(String::valueOf))
                .containsExactlyInAnyOrder("dave", "erin", "heidi");
        assertThat(pushes).allSatisfy(push -> assertThat((String) push.get("summary")).contains("CS-5521"));
    }

    @Test
    void customerReplyReachesAssigneeAndServiceTeamThroughOneRule() {
        ObjectNode event = Herald.sample("case-customer-replied");
        String id = event.get("id").asText();

        Herald.post(event).then().statusCode(202)
                .body("rules", org.hamcrest.Matchers.contains("case-update"));

        List<Map<String, Object>> sent = awaitSubmissions(id, 5);
        assertThat(sent.stream().filter(s -> "EMAIL".equals(s.get("channel"))).map(WorkflowStatusAlertTest::destination))
                .containsExactlyInAnyOrder("dave@example.com", "erin@example.com");
        assertThat(sent.stream().filter(s -> "EMAIL".equals(s.get("channel"))).findFirst().orElseThrow().get("text"))
                .asString().contains("Firmware 4.2");
    }

    @Test
    void customerEscalationAsksTheAssigneeToRespondAndTellsTheTeam() {
        ObjectNode event = Herald.sample("case-escalated-customer");
        String id = event.get("id").asText();

        Herald.post(event).then().statusCode(202)
                .body("rules", org.hamcrest.Matchers.contains("case-update", "case-escalation-response"));

        assertThat(Tasks.linksTo(id, "dave@example.com")).extracting(Tasks.Link::action)
                .containsExactly("acknowledge", "comment");
        List<Map<String, Object>> sent = awaitSubmissions(id, 5);
        Map<String, Object> daveEmail = sent.stream().filter(s -> "EMAIL".equals(s.get("channel")))
                .filter(s -> "dave@example.com".equals(WorkflowStatusAlertTest.destination(s)))
                .findFirst().orElseThrow();
        assertThat((String) daveEmail.get("subject")).isEqualTo(
                "[Response needed] Case CASE-20931: Customer escalation: invoices sent to the wrong address");
        assertThat((String) daveEmail.get("text")).contains("Nordwind Logistics GmbH").contains("call back today");
        assertThat(sent.stream().filter(s -> "INAPP".equals(s.get("channel")))
                .map(p -> String.valueOf(p.get("summary"))))
                .anyMatch(summary -> summary.contains("CASE-20931") && summary.contains("needs your response"));
    }
}
