package io.herald.approval;

import static io.herald.approval.ApprovalRequestTest.purchaseOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.herald.support.Tasks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Once a task is decided, a comment is as late as any other answer: refused, recorded as refused, not written back. */
@QuarkusTest
class CommentOnSettledTaskTest {

    @Test
    void commentOnSettledTaskIsRefusedOverJson() {
        Settled s = new Settled();
        String token = URLDecoder.decode(s.link("comment").token(), StandardCharsets.UTF_8);

        Herald.http().contentType("application/json")
                .body(Map.of("token", token, "action", "comment", "comment", "One more thing."))
                .post("/responses").then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409)).body("detail", containsString("already answered: approve by bob"));

        s.assertOnlyTheDecisionIsOnRecord();
    }

    @Test
    void commentOnSettledTaskIsRefusedThroughTheConfirmationForm() {
        Settled s = new Settled();

        Tasks.confirm(s.link("comment"), "One more thing.").then().statusCode(409)
                .contentType(containsString("text/html")).body(containsString("Already answered"));

        s.assertOnlyTheDecisionIsOnRecord();
    }

    /**
     * A purchase order for the whole finance team that bob approved, its write-back delivered; alice's links are
     * still unused.
     */
    private static final class Settled {

        final List<Tasks.Link> alicesLinks;
        final String taskId;

        Settled() {
            ObjectNode event = purchaseOrder(250_000);
            String id = event.get("id").asText();
            Herald.post(event).then().statusCode(202);
            alicesLinks = Tasks.linksTo(id, "alice@example.com");
            Tasks.confirm(Tasks.link(Tasks.linksTo(id, "bob@example.com"), "approve"), null).then().statusCode(200);
            taskId = Tasks.taskIdOfEventAnswered(event.get("source").asText(), id);
            Tasks.awaitWriteBacks(taskId, 1);
        }

        Tasks.Link link(String action) {
            return Tasks.link(alicesLinks, action);
        }

        void assertOnlyTheDecisionIsOnRecord() {
            JsonPath task = Tasks.task(taskId);
            assertThat(task.getString("task.status")).isEqualTo("ANSWERED");
            assertThat(task.getString("task.decision.action")).isEqualTo("approve");
            assertThat(task.getList("writeBacks.action", String.class)).containsExactly("approve");
            assertThat(task.getList("timeline.step", String.class)).contains("refused").doesNotContain("commented");
        }
    }
}
