package io.herald.announce;

import static io.herald.announce.AnnouncementsTest.addresses;
import static io.herald.announce.AnnouncementsTest.announcement;
import static io.herald.announce.AnnouncementsTest.awaitAllSent;
import static io.herald.announce.AnnouncementsTest.awaitSubmissions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /announcements}: an operator publishes an announcement, which takes the path of any event. */
@QuarkusTest
class OperatorAnnouncementTest {

    private static final String OPERATOR = "urn:herald:operator";

    @AfterEach
    void settle() {
        Herald.awaitIdle();
    }

    @Test
    void anAnnouncementPublishedThroughTheRouteReachesEachMemberOnce() {
        ObjectNode event = operatorAnnouncement();
        String eventId = event.get("id").asText();

        JsonPath answer = publish(event).then().statusCode(202).extract().jsonPath();

        assertThat(answer.getString("source")).isEqualTo(OPERATOR);
        assertThat(answer.getBoolean("duplicate")).isFalse();
        assertThat(answer.getString("announcements[0].rule")).isEqualTo("company-announcements");
        assertThat(answer.getInt("announcements[0].members")).isEqualTo(8);
        assertThat(answer.getString("announcements[0].status")).isEqualTo("sending");
        List<Map<String, Object>> sent = awaitSubmissions(eventId, 6);
        assertThat(addresses(sent, "EMAIL")).doesNotHaveDuplicates().hasSize(7);
        assertThat(addresses(sent, "INAPP")).doesNotHaveDuplicates().hasSize(8);
        awaitAllSent(answer.getString("announcements[0].id"), 15);
        JsonPath stored = Herald.event(OPERATOR, eventId);
        assertThat(stored.getList("audit.findAll { it.step == 'received' }.actor")).containsExactly("local-operator");
    }

    @Test
    void publishingTheSameEventAgainIsADuplicateListingItsAnnouncementAndSendsNothingMore() {
        ObjectNode event = operatorAnnouncement();
        String eventId = event.get("id").asText();
        publish(event).then().statusCode(202);
        awaitSubmissions(eventId, 6);

        JsonPath again = publish(event).then().statusCode(202).extract().jsonPath();

        assertThat(again.getBoolean("duplicate")).isTrue();
        assertThat(again.getString("announcements[0].rule")).isEqualTo("company-announcements");
        assertThat(again.getString("announcements[0].status")).isEqualTo("unchanged");
        assertThat(again.getInt("announcements[0].pages")).isEqualTo(6);
        Herald.awaitIdle();
        assertThat(Herald.submissionsFor(eventId)).hasSize(6);
    }

    @Test
    void anEventOfAConnectedSystemsSourceIsRefusedAndNotStored() {
        ObjectNode event = announcement("everyone");

        Response refusal = publish(event);

        refusal.then().statusCode(400).contentType("application/problem+json");
        assertThat(Herald.event(event.get("source").asText(), event.get("id").asText())).isNull();
    }

    @Test
    void anEventNoRuleAnnouncesIsRefusedAndNotStored() {
        ObjectNode event = Herald.sample("purchase-order-approval");
        event.put("source", OPERATOR);

        publish(event).then().statusCode(400).contentType("application/problem+json");

        assertThat(Herald.event(OPERATOR, event.get("id").asText())).isNull();
    }

    @Test
    void aBodyThatIsNoCloudEventIsAProblem() {
        Herald.http().contentType("application/cloudevents+json").body("{\"title\":\"no event\"}")
                .post("/announcements").then().statusCode(400).contentType("application/problem+json");
        Herald.http().contentType("text/plain").body("hello").post("/announcements").then().statusCode(415)
                .contentType("application/problem+json");
    }

    /** The sample announcement to everyone, as an operator publishes it, under a key of its own. */
    static ObjectNode operatorAnnouncement() {
        ObjectNode event = announcement("everyone");
        event.put("source", OPERATOR);
        return event;
    }

    static Response publish(ObjectNode event) {
        return Herald.http().contentType("application/cloudevents+json").body(Herald.bytes(event))
                .post("/announcements");
    }
}
