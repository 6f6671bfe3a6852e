package io.herald.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.herald.support.Tasks;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Job 3: an approval request reaches the right approver with context, next steps and working links. */
@QuarkusTest
class ApprovalRequestTest {

    static ObjectNode purchaseOrder(int amount) {
        ObjectNode event = Herald.sample("purchase-order-approval");
        ((ObjectNode) event.get("data")).put("amount", amount);
        return event;
    }

    @Test
    void orderOverTheThresholdReachesTheFinanceDirectorWithWorkingLinks() {
        ObjectNode event = purchaseOrder(48_500);
        String id = event.get("id").asText();

        Herald.post(event).then().statusCode(202)
                .body("rules", org.hamcrest.Matchers.hasItem("purchase-order-approval-director"));

        List<Tasks.Link> links = Tasks.linksTo(id, "alice@example.com");
        assertThat(links).extracting(Tasks.Link::action).containsExactly("approve", "reject", "comment");
        assertThat(Herald.submissionsFor(id)).extracting(s -> s.get("subject"))
                .contains("[Action needed] Purchase order PO-4711: 40 laptops");
        Tasks.open(Tasks.link(links, "approve")).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Purchase order PO-4711: 40 laptops"))
                .body(containsString("€48,500.00"))
                .body(containsString("Nordic Hardware AB"))
                .body(containsString("Approve"));
        String taskId = Tasks.taskIdOfEvent(event.get("source").asText(), id);
        assertThat(Tasks.task(taskId).getString("task.status")).as("opening a link records nothing")
                .isEqualTo("OPEN");
        assertThat(Tasks.task(taskId).getList("timeline.step")).contains("received", "routed", "task-raised",
                "sent", "link-opened");
        assertThat(Herald.submissionsFor(id)).extracting(WorkflowLinks::destination)
                .doesNotContain("bob@example.com");
    }

    @Test
    void orderUnderTheThresholdGoesToTheTeamLead() {
        ObjectNode event = purchaseOrder(2_500);
        String id = event.get("id").asText();

        Herald.post(event).then().statusCode(202)
                .body("rules", org.hamcrest.Matchers.contains("purchase-order-approval-team-lead"));

        assertThat(Tasks.linksTo(id, "bob@example.com")).extracting(Tasks.Link::action)
                .containsExactly("approve", "reject", "comment");
    }

    @Test
    void smallOrderNeedsNoApproval() {
        ObjectNode event = purchaseOrder(300);

        Herald.post(event).then().statusCode(202).body("status", org.hamcrest.Matchers.equalTo("unrouted"));
    }

    /** Reads the one destination of a recorded submission. */
    static final class WorkflowLinks {

        @SuppressWarnings("unchecked")
        static String destination(java.util.Map<String, Object> submission) {
            return (String) ((List<java.util.Map<String, Object>>) submission.get("destinations")).get(0)
                    .get("address");
        }
    }
}
