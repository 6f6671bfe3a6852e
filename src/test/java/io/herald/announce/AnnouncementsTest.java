package io.herald.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Job 7: announcements reach their audience in pages, each person once, on the sample rules
 * {@code company-announcements} (group all-staff, e-mail and in-app, five people a page) and
 * {@code regional-announcements} (everyone with region emea, e-mail).
 */
@QuarkusTest
class AnnouncementsTest {

    /** All staff with an e-mail address: everyone but heidi. */
    private static final List<String> STAFF_EMAILS = List.of("alice@example.com", "bob@example.com",
            "carol@example.com", "dave@example.com", "erin@example.com", "frank@example.com", "grace@example.com");
    private static final List<String> STAFF = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace",
            "heidi");

    @AfterEach
    void clearFaults() {
        Herald.awaitIdle();
        Herald.clearFaults();
    }

    @Test
    void everyMemberIsAddressedOnceInPagesOfSharedLanguage() {
        ObjectNode event = announcement("everyone");
        String eventId = event.get("id").asText();

        JsonPath answer = Herald.post(event).then().statusCode(202).extract().jsonPath();

        assertThat(answer.getString("announcements[0].rule")).isEqualTo("company-announcements");
        assertThat(answer.getInt("announcements[0].members")).isEqualTo(8);
        // e-mail: en/Berlin, de/Berlin, en/New York; in-app the same three
        assertThat(answer.getInt("announcements[0].pages")).isEqualTo(6);
        assertThat(answer.getString("announcements[0].status")).isEqualTo("sending");
        List<Map<String, Object>> sent = awaitSubmissions(eventId, 6);
        assertThat(addresses(sent, "EMAIL")).containsExactlyInAnyOrderElementsOf(STAFF_EMAILS);
        assertThat(addresses(sent, "INAPP")).containsExactlyInAnyOrderElementsOf(STAFF);
        Map<String, Object> german = sent.stream().filter(s -> "EMAIL".equals(s.get("channel"))
                && addressesOf(s).contains("bob@example.com")).findFirst().orElseThrow();
        assertThat(addressesOf(german)).containsExactly("bob@example.com", "dave@example.com", "erin@example.com");
        assertThat((String) german.get("subject")).isEqualTo("[Maintenance] ERP maintenance on Saturday");
        assertThat((String) german.get("text")).contains("Gültig bis");

        JsonPath listed = awaitAllSent(answer.getString("announcements[0].id"), 15);
        assertThat(listed.getInt("pageCount")).isEqualTo(6);
        assertThat(listed.getList("pages.recipients.flatten().user")).hasSize(15);
    }

    @Test
    void aFailedPageSubmissionIsRetriedAndStillAddressesEachMemberOnce() {
        Herald.awaitIdle();
        Herald.faults("{\"failNext\":1,\"failStatus\":503,\"retryAfterSeconds\":0}");
        ObjectNode event = announcement("everyone");
        String eventId = event.get("id").asText();

        String id = Herald.post(event).then().statusCode(202).extract().jsonPath()
                .getString("announcements[0].id");

        List<Map<String, Object>> sent = awaitSubmissions(eventId, 6);
        assertThat(addresses(sent, "EMAIL")).containsExactlyInAnyOrderElementsOf(STAFF_EMAILS);
        assertThat(addresses(sent, "INAPP")).containsExactlyInAnyOrderElementsOf(STAFF);
        JsonPath listed = awaitAllSent(id, 15);
        assertThat(listed.getList("pages.attempts", Integer.class)).containsOnly(1, 2).contains(2);
    }

    @Test
    void anAnnouncementExpiredBeforeItWentOutIsRecordedExpiredAndNotSent() {
        ObjectNode event = announcement("everyone");
        ((ObjectNode) event.get("data")).put("expiresAt", Instant.now().minusSeconds(60).toString());

        JsonPath answer = Herald.post(event).then().statusCode(202).extract().jsonPath();

        assertThat(answer.getString("announcements[0].status")).isEqualTo("expired");
        JsonPath listed = listing(answer.getString("announcements[0].id"));
        assertThat(listed.getInt("counts.expired")).isEqualTo(15);
        assertThat(listed.getInt("counts.sent")).isZero();
        assertThat(listed.getList("pages.status")).containsOnly("expired");
        Herald.awaitIdle();
        assertThat(Herald.submissionsFor(event.get("id").asText())).isEmpty();
    }

    @Test
    void aWithdrawnAnnouncementStopsThePagesNotYetSent() {
        ObjectNode event = announcement("everyone");
        ((ObjectNode) event.get("data")).put("sendAt", Instant.now().plus(Duration.ofHours(1)).toString());
        JsonPath published = Herald.post(event).then().statusCode(202).extract().jsonPath();
        assertThat(published.getString("announcements[0].status")).isEqualTo("scheduled");
        ObjectNode withdrawal = Herald.sample("announcement-withdrawn");
        withdrawal.put("subject", event.get("subject").asText());

        JsonPath answer = Herald.post(withdrawal).then().statusCode(202).extract().jsonPath();

        assertThat(answer.getString("announcements[0].id")).isEqualTo(published.getString("announcements[0].id"));
        assertThat(answer.getString("announcements[0].status")).isEqualTo("withdrawn");
        JsonPath listed = listing(published.getString("announcements[0].id"));
        assertThat(listed.getInt("counts.withdrawn")).isEqualTo(15);
        assertThat(listed.getInt("counts.pending")).isZero();
    }

    @Test
    void aWithdrawalThatArrivesBeforeItsAnnouncementKeepsItFromBeingSent() {
        ObjectNode event = announcement("everyone");
        ObjectNode withdrawal = Herald.sample("announcement-withdrawn");
        withdrawal.put("subject", event.get("subject").asText());
        JsonPath early = Herald.post(withdrawal).then().statusCode(202).extract().jsonPath();
        String company = "announcements.find { it.rule == 'company-announcements' }";
        assertThat(early.getString(company + ".status")).isEqualTo("withdrawn");
        assertThat(early.getInt(company + ".pages")).isZero();

        JsonPath answer = Herald.post(event).then().statusCode(202).extract().jsonPath();

        assertThat(answer.getString("announcements[0].id")).isEqualTo(early.getString(company + ".id"));
        assertThat(answer.getString("announcements[0].status")).isEqualTo("withdrawn");
        JsonPath listed = listing(answer.getString("announcements[0].id"));
        assertThat(listed.getInt("counts.withdrawn")).isEqualTo(15);
        assertThat(listed.getList("pages.status")).hasSize(6).containsOnly("withdrawn");
        Herald.awaitIdle();
        assertThat(Herald.submissionsFor(event.get("id").asText())).isEmpty();
    }

    @Test
    void publishingTheSameAnnouncementAgainSendsNothingMore() {
        ObjectNode first = announcement("everyone");
        String id = Herald.post(first).then().statusCode(202).extract().jsonPath().getString("announcements[0].id");
        awaitSubmissions(first.get("id").asText(), 6);
        ObjectNode again = announcement("everyone");
        again.put("subject", first.get("subject").asText());

        JsonPath answer = Herald.post(again).then().statusCode(202).extract().jsonPath();

        assertThat(answer.getString("announcements[0].id")).isEqualTo(id);
        assertThat(answer.getString("announcements[0].status")).isEqualTo("unchanged");
        JsonPath listed = listing(id);
        assertThat(listed.getString("eventId")).isEqualTo(first.get("id").asText());
        assertThat(listed.getInt("members")).isEqualTo(15);
        Herald.awaitIdle();
        assertThat(Herald.submissionsFor(again.get("id").asText())).isEmpty();
        assertThat(Herald.submissionsFor(first.get("id").asText())).hasSize(6);
    }

    @Test
    void aRegionalAnnouncementReachesEveryoneWithThatAttribute() {
        ObjectNode event = announcement("emea");
        String eventId = event.get("id").asText();

        JsonPath answer = Herald.post(event).then().statusCode(202).extract().jsonPath();

        assertThat(answer.getString("announcements[0].rule")).isEqualTo("regional-announcements");
        assertThat(answer.getInt("announcements[0].members")).isEqualTo(6);
        List<Map<String, Object>> sent = awaitSubmissions(eventId, 2);
        // heidi is in emea but has no e-mail address; carol and grace are in amer
        assertThat(addresses(sent, "EMAIL")).containsExactlyInAnyOrder("alice@example.com", "bob@example.com",
                "dave@example.com", "erin@example.com", "frank@example.com");
    }

    @Test
    void anUnknownAnnouncementIsAProblem() {
        Herald.http().get("/announcements/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        Herald.http().queryParam("pages", "0").get("/announcements/" + UUID.randomUUID()).then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** The sample announcement to {@code audience}, under a key of its own so tests never share one. */
    static ObjectNode announcement(String audience) {
        ObjectNode event = Herald.sample("announcement-published");
        event.put("subject", "announcement/" + UUID.randomUUID());
        ((ObjectNode) event.get("data")).put("audience", audience);
        return event;
    }

    static JsonPath listing(String id) {
        return Herald.http().queryParam("pages", "100").get("/announcements/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    static JsonPath awaitAllSent(String id, int members) {
        await().atMost(Duration.ofSeconds(20)).until(() -> listing(id).getInt("counts.sent") == members);
        return listing(id);
    }

    static List<Map<String, Object>> awaitSubmissions(String eventId, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Herald.submissionsFor(eventId).size() >= count);
        List<Map<String, Object>> sent = Herald.submissionsFor(eventId);
        assertThat(sent).hasSize(count);
        return sent;
    }

    /** Every address the channel's submissions named, one entry per naming. */
    static List<String> addresses(List<Map<String, Object>> submissions, String channel) {
        List<String> addresses = new ArrayList<>();
        submissions.stream().filter(s -> channel.equals(s.get("channel"))).forEach(s -> addresses.addAll(
                addressesOf(s)));
        return addresses;
    }

    @SuppressWarnings("unchecked")
    static List<String> addressesOf(Map<String, Object> submission) {
        return ((List<Map<String, Object>>) submission.get("destinations")).stream()
                .map(d -> (String) d.get("address")).toList();
    }
}
