package io.herald.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.signing.Hmac;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /announcements/{id}/recipients}: each member of the sample announcement to all staff (seven by e-mail,
 * eight in-app, five a page) with the delivery state OpenText reports for it, polled for a page's whole job at once
 * or pushed to the status webhook.
 */
@QuarkusTest
class AnnouncementRecipientsTest {

    /** The local-mode status webhook secret, as configured in application.properties. */
    private static final String WEBHOOK_SECRET = "local-opentext-webhook-secret";
    private static final int MEMBERS = 15;

    @AfterEach
    void clearFaults() {
        Herald.clearFaults();
        Herald.awaitIdle();
    }

    @Test
    void aPageStatusAnswerRecordsEachMemberDeliveredOrFailedWithTheProvidersReason() {
        Herald.awaitIdle();
        Herald.faults("{\"deliveryStates\":{\"dave@example.com\":\"Error\"}}");

        String id = publish();
        await().atMost(Duration.ofSeconds(20)).until(() -> states(id).getInt("delivered") == MEMBERS - 1);

        JsonPath listed = AnnouncementsTest.listing(id);
        assertThat(listed.getList("pages.recipients.flatten().state")).as("each page's members, as states counts them")
                .hasSize(MEMBERS).containsOnly("delivered", "failed");
        assertThat(listed.getInt("states.delivered")).isEqualTo(MEMBERS - 1);
        assertThat(listed.getInt("states.failed")).isEqualTo(1);
        assertThat(listed.getInt("states.sent")).isZero();
        assertThat(listed.getInt("counts.sent")).as("every page went out").isEqualTo(MEMBERS);
        JsonPath failed = recipients(id, Map.of("status", "failed")).then().statusCode(200).extract().jsonPath();
        assertThat(failed.getList("recipients")).hasSize(1);
        assertThat(failed.getString("recipients[0].user")).isEqualTo("dave");
        assertThat(failed.getString("recipients[0].channel")).isEqualTo("email");
        assertThat(failed.getString("recipients[0].address")).isEqualTo("dave@example.com");
        assertThat(failed.getString("recipients[0].state")).isEqualTo("failed");
        assertThat(failed.getString("recipients[0].reason")).isEqualTo("Error, code 550");
        assertThat(failed.getString("recipients[0].updatedAt")).isNotNull();
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getMap("$")).doesNotContainKey("next");
        JsonPath delivered = recipients(id, Map.of("status", "delivered", "limit", "1000")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(delivered.getList("recipients.state")).hasSize(MEMBERS - 1).containsOnly("delivered");
        assertThat(delivered.getList("recipients.reason")).containsOnly("Sent", "Accepted");
    }

    @Test
    void theListingIsPagedWithItsCursorAndNamesEveryRecipientOnce() {
        String id = publish();
        await().atMost(Duration.ofSeconds(20)).until(() -> states(id).getInt("delivered") == MEMBERS);

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String after = null;
        Map<String, Object> last;
        do {
            Map<String, String> query = after == null ? Map.of("limit", "4") : Map.of("limit", "4", "after", after);
            JsonPath answer = recipients(id, query).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> page = answer.getList("recipients");
            sizes.add(page.size());
            page.forEach(r -> seen.add(r.get("channel") + "/" + r.get("user")));
            after = answer.getString("next");
            last = answer.getMap("$");
        } while (after != null);

        assertThat(last).as("the last answer, unfiltered").containsOnlyKeys("id", "recipients");
        assertThat(sizes).containsExactly(4, 4, 4, 3);
        assertThat(seen).hasSize(MEMBERS).doesNotHaveDuplicates()
                .contains("email/dave", "inapp/heidi").doesNotContain("email/heidi");
        JsonPath first = recipients(id, Map.of("limit", "4")).then().extract().jsonPath();
        assertThat(first.getList("recipients.page", Integer.class)).isSortedAccordingTo(Integer::compare);
    }

    @Test
    void aPushUpdatesTheOneMemberItNamesAndAgainChangesNothing() {
        String id = publishStillInProgress();
        Map<String, Object> dave = member(id, "email", "dave");
        String ref = id + ":" + dave.get("page") + "/dave";

        push(ref, "dave@example.com", "Sent").then().statusCode(200).body("reported", equalTo(1));

        Map<String, Object> delivered = member(id, "email", "dave");
        assertThat(delivered.get("state")).isEqualTo("delivered");
        assertThat(delivered.get("reason")).isEqualTo("Sent");
        assertThat(states(id).getInt("delivered")).as("in-app pushes plus dave").isEqualTo(8 + 1);
        assertThat(states(id).getInt("sent")).isEqualTo(6);

        push(ref, "dave@example.com", "Sent").then().statusCode(200).body("reported", equalTo(1));

        assertThat(member(id, "email", "dave")).isEqualTo(delivered);
    }

    @Test
    void aLateInProgressReportNeverMovesAFinalStateBack() {
        String id = publishStillInProgress();
        Map<String, Object> erin = member(id, "email", "erin");
        String ref = id + ":" + erin.get("page") + "/erin";
        push(ref, "erin@example.com", "Error").then().statusCode(200);
        Map<String, Object> failed = member(id, "email", "erin");
        assertThat(failed.get("state")).isEqualTo("failed");

        push(ref, "erin@example.com", "Submitted").then().statusCode(200).body("reported", equalTo(1));
        push(ref, "erin@example.com", "Sent").then().statusCode(200).body("reported", equalTo(1));

        assertThat(member(id, "email", "erin")).isEqualTo(failed);
        assertThat(states(id).getInt("failed")).isEqualTo(1);
    }

    @Test
    void badParametersAreProblemsAndAnUnknownAnnouncementIsNotFound() {
        String id = publish();
        for (Map<String, String> bad : List.of(Map.of("limit", "0"), Map.of("limit", "1001"),
                Map.of("limit", "many"), Map.of("after", "not-a-cursor"), Map.of("status", "bounced"))) {
            recipients(id, bad).then().statusCode(400).contentType("application/problem+json");
        }
        recipients(UUID.randomUUID().toString(), Map.of()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** The sample announcement to all staff; its id. */
    private static String publish() {
        ObjectNode event = AnnouncementsTest.announcement("everyone");
        return Herald.post(event).then().statusCode(202).extract().jsonPath().getString("announcements[0].id");
    }

    /** Published while OpenText reports every e-mail as still on its way: sent, in-app delivered, e-mail not. */
    private static String publishStillInProgress() {
        Herald.awaitIdle();
        Herald.faults("{\"deliveryState\":\"Submitted\"}");
        String id = publish();
        await().atMost(Duration.ofSeconds(20)).until(() -> states(id).getInt("delivered") == 8
                && states(id).getInt("sent") == 7
                && member(id, "email", "dave").get("reason") != null);
        return id;
    }

    private static JsonPath states(String id) {
        return AnnouncementsTest.listing(id).setRootPath("states");
    }

    private static Map<String, Object> member(String id, String channel, String user) {
        return recipients(id, Map.of("limit", "1000")).then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("recipients").stream()
                .filter(r -> channel.equals(r.get("channel")) && user.equals(r.get("user"))).findFirst()
                .orElseThrow();
    }

    private static Response recipients(String id, Map<String, String> query) {
        return Herald.http().queryParams(query).get("/announcements/" + id + "/recipients");
    }

    private static Response push(String ref, String address, String state) {
        byte[] body = ("{\"job_id\":\"pushed-job\",\"job_state\":[],\"deliveries\":[{\"ref\":\"" + ref
                + "\",\"destination\":\"" + address + "\",\"delivery_attempts\":[{\"state\":\"" + state
                + "\",\"gamma_code\":\"" + ("Error".equals(state) ? "550" : "0") + "\"}]}]}")
                .getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return Herald.http().header("X-Herald-Timestamp", timestamp)
                .header("X-Herald-Signature", Hmac.signatureHeader(WEBHOOK_SECRET, timestamp, body))
                .contentType("application/json").body(body).post("/opentext/status");
    }
}
