package io.herald.approval;

import static io.herald.approval.ApprovalRequestTest.purchaseOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.links.ActionTokenConfig;
import io.herald.links.ActionTokens;
import io.herald.support.Herald;
import io.herald.support.Tasks;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Links that are replayed, expired, tampered with or someone else's are refused and change nothing. */
@QuarkusTest
class ActionLinkRefusalTest {

    /** The local-mode signing key, as configured in application.properties. */
    private static final String LOCAL_KEY = "local-action-token-key-0123456789abcdef";

    @Test
    void linkUsedAgainForAnotherActionIsRefused() {
        Scenario s = new Scenario();
        Tasks.confirm(s.link("approve"), null).then().statusCode(200);

        Tasks.confirm(s.link("reject"), null).then().statusCode(409).body(containsString("already used"));

        assertThat(s.task().getString("task.decision.action")).isEqualTo("approve");
    }

    @Test
    void expiredLinkIsGone() {
        Scenario s = new Scenario();
        String expired = tokens(Instant.now().minus(Duration.ofDays(8))).issue(s.taskId, "alice",
                List.of("approve", "reject", "comment"));

        Tasks.confirm(new Tasks.Link("", encode(expired), "approve"), null).then().statusCode(410);

        s.assertStillOpen();
    }

    @Test
    void tamperedLinkIsNotValid() {
        Scenario s = new Scenario();
        Tasks.Link approve = s.link("approve");
        String token = approve.token();
        String tampered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);

        Tasks.confirm(new Tasks.Link("", tampered, "approve"), null).then().statusCode(401);
        Tasks.open(new Tasks.Link("/act?token=" + tampered + "&action=approve", tampered, "approve")).then()
                .statusCode(401).body(containsString("not valid"));

        s.assertStillOpen();
    }

    @Test
    void linkOfSomeoneWhoIsNotAnAssigneeIsRefusedAsNotTheirs() {
        Scenario s = new Scenario();
        String bobs = tokens(Instant.now()).issue(s.taskId, "bob", List.of("approve"));

        Tasks.confirm(new Tasks.Link("", encode(bobs), "approve"), null).then().statusCode(403)
                .body(containsString("Dieser Link ist für jemand anderen"));

        s.assertStillOpen();
    }

    @Test
    void actionTheLinkDoesNotAllowIsRefused() {
        Scenario s = new Scenario();
        Tasks.Link approve = s.link("approve");

        Tasks.confirm(new Tasks.Link("", approve.token(), "escalate"), null).then().statusCode(403);

        s.assertStillOpen();
    }

    @Test
    void programmaticResponseIsRecordedAsJson() {
        Scenario s = new Scenario();
        String token = java.net.URLDecoder.decode(s.link("approve").token(), StandardCharsets.UTF_8);

        Herald.http().contentType("application/json")
                .body(Map.of("token", token, "action", "comment", "comment", "Checked the supplier."))
                .post("/responses").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("recorded"));
        Herald.http().contentType("application/json").body(Map.of("token", token, "action", "approve"))
                .post("/responses").then().statusCode(409).contentType("application/problem+json");

        assertThat(s.task().getString("task.status")).as("a comment does not decide").isEqualTo("OPEN");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) Tasks.awaitWriteBacks(s.taskId, 1).get(0).get("body");
        assertThat(body).containsEntry("action", "comment").containsEntry("comment", "Checked the supplier.");
    }

    /** A fresh purchase order over the threshold, routed to alice. */
    private static final class Scenario {

        final ObjectNode event = purchaseOrder(48_500);
        final String id = event.get("id").asText();
        final List<Tasks.Link> links;
        final String taskId;

        Scenario() {
            Herald.post(event).then().statusCode(202);
            links = Tasks.linksTo(id, "alice@example.com");
            taskId = Tasks.taskIdOfEvent(event.get("source").asText(), id);
        }

        Tasks.Link link(String action) {
            return Tasks.link(links, action);
        }

        io.restassured.path.json.JsonPath task() {
            return Tasks.task(taskId);
        }

        void assertStillOpen() {
            assertThat(task().getString("task.status")).isEqualTo("OPEN");
            assertThat(Tasks.writeBacksOf(taskId)).isEmpty();
        }
    }

    private static String encode(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** A genuine link of the local signing key for the task and person, issued at {@code now}, URL-encoded. */
    static String token(String taskId, String recipient, Instant now) {
        return encode(tokens(now).issue(taskId, recipient, List.of("approve", "reject", "comment")));
    }

    private static ActionTokens tokens(Instant now) {
        ActionTokenConfig config = new ActionTokenConfig() {
            @Override
            public String activeKey() {
                return "local-1";
            }

            @Override
            public Map<String, Key> keys() {
                return Map.of("local-1", () -> java.util.Optional.of(LOCAL_KEY));
            }

            @Override
            public Duration lifetime() {
                return Duration.ofDays(7);
            }
        };
        return new ActionTokens(config, new ObjectMapper(), Clock.fixed(now, ZoneOffset.UTC));
    }
}
