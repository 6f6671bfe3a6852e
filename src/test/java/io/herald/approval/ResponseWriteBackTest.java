package io.herald.approval;

import static io.herald.approval.ApprovalRequestTest.purchaseOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.herald.support.Tasks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Job 4: an answer is recorded once, and written back to the source system exactly once. */
@QuarkusTest
class ResponseWriteBackTest {

    @Test
    void approvalThroughTheLinkIsWrittenBackOnceWithItsFields() throws InterruptedException {
        ObjectNode event = purchaseOrder(48_500);
        String id = event.get("id").asText();
        Herald.post(event).then().statusCode(202);
        Tasks.Link approve = Tasks.link(Tasks.linksTo(id, "alice@example.com"), "approve");

        Tasks.confirm(approve, null).then().statusCode(200).body(containsString("You approved on"));

        String taskId = Tasks.taskIdOfEventAnswered(event.get("source").asText(), id);
        Map<String, Object> writeBack = Tasks.awaitWriteBacks(taskId, 1).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) writeBack.get("body");
        assertThat(body).containsEntry("kind", "response").containsEntry("action", "approve")
                .containsEntry("actor", "alice").containsEntry("targetSystem", "s4-purchasing")
                .containsEntry("entityType", "purchase-order").containsEntry("entityId", "PO-4711");
        assertThat(body.get("correlation")).isEqualTo(Map.of("eventSource", event.get("source").asText(),
                "eventId", id, "taskId", taskId));
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = (Map<String, Object>) writeBack.get("headers");
        assertThat(headers).containsKey("Idempotency-Key").containsKey("X-Herald-Signature");
        Thread.sleep(500);
        assertThat(Tasks.writeBacksOf(taskId)).hasSize(1);
        JsonPath task = Tasks.task(taskId);
        assertThat(task.getString("task.status")).isEqualTo("ANSWERED");
        assertThat(task.getList("timeline.step")).contains("answered", "written-back");
    }

    @Test
    void rejectionWithACommentIsWrittenBackWithTheComment() {
        ObjectNode event = purchaseOrder(48_500);
        String id = event.get("id").asText();
        Herald.post(event).then().statusCode(202);
        Tasks.Link reject = Tasks.link(Tasks.linksTo(id, "alice@example.com"), "reject");

        Tasks.open(reject).then().statusCode(200).body(containsString("<textarea"));
        Tasks.confirm(reject, "Over budget; split the order & resubmit").then().statusCode(200);

        String taskId = Tasks.taskIdOfEventAnswered(event.get("source").asText(), id);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) Tasks.awaitWriteBacks(taskId, 1).get(0).get("body");
        assertThat(body).containsEntry("action", "reject")
                .containsEntry("comment", "Over budget; split the order & resubmit");
    }

    @Test
    void doubleClickGetsTheFirstResultAgainAndOneWriteBack() throws InterruptedException {
        ObjectNode event = purchaseOrder(48_500);
        String id = event.get("id").asText();
        Herald.post(event).then().statusCode(202);
        Tasks.Link approve = Tasks.link(Tasks.linksTo(id, "alice@example.com"), "approve");

        Tasks.confirm(approve, null).then().statusCode(200);
        Tasks.confirm(approve, null).then().statusCode(200).body(containsString("already recorded"));

        String taskId = Tasks.taskIdOfEventAnswered(event.get("source").asText(), id);
        Tasks.awaitWriteBacks(taskId, 1);
        Thread.sleep(500);
        assertThat(Tasks.writeBacksOf(taskId)).hasSize(1);
    }

    @Test
    void twoApproversRacingLetExactlyOneWin() throws Exception {
        ObjectNode event = purchaseOrder(250_000);
        String id = event.get("id").asText();
        Herald.post(event).then().statusCode(202);
        Tasks.Link bobApproves = Tasks.link(Tasks.linksTo(id, "bob@example.com"), "approve");
        Tasks.Link aliceRejects = Tasks.link(Tasks.linksTo(id, "alice@example.com"), "reject");

        CompletableFuture<Integer> bob = CompletableFuture.supplyAsync(() -> Tasks.confirm(bobApproves, null)
                .statusCode());
        CompletableFuture<Integer> alice = CompletableFuture.supplyAsync(() -> Tasks.confirm(aliceRejects, "Too much")
                .statusCode());

        assertThat(List.of(bob.get(), alice.get())).containsExactlyInAnyOrder(200, 409);
        String taskId = Tasks.taskIdOfEventAnswered(event.get("source").asText(), id);
        Tasks.awaitWriteBacks(taskId, 1);
        Thread.sleep(500);
        assertThat(Tasks.writeBacksOf(taskId)).hasSize(1);
        assertThat(Tasks.task(taskId).getList("timeline.step")).contains("answered", "refused");
    }
}
