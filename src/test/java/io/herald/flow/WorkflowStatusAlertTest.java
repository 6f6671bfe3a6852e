package io.herald.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Job 1: a status change in a connected system reaches the responsible user, in their language. */
@QuarkusTest
class WorkflowStatusAlertTest {

    @Test
    void delayedShipmentReachesItsOwnerByEmailAndSms() {
        ObjectNode event = Herald.sample("shipment-delayed");
        String id = event.get("id").asText();

        Herald.post(event).then().statusCode(202);

        List<Map<String, Object>> sent = awaitSubmissions(id, 2);
        Map<String, Object> email = only(sent, "EMAIL");
        assertThat(destination(email)).isEqualTo("carol@example.com");
        assertThat((String) email.get("subject")).contains("SHP-1001").contains("Delayed");
        assertThat((String) email.get("html")).contains("Hello Carol Chen").contains("Hamburg hub")
                .contains("was In transit");
        assertThat((String) email.get("text")).contains("Shipment SHP-1001 is now Delayed");
        Map<String, Object> sms = only(sent, "SMS");
        assertThat(destination(sms)).isEqualTo("+4915110000003");
        assertThat((String) sms.get("smsText")).contains("SHP-1001").contains("Delayed");
    }

    @Test
    void approvedPurchaseOrderReachesOwnerAndTeamInTheirOwnLanguage() {
        ObjectNode event = Herald.sample("approval-completed");
        String id = event.get("id").asText();

        Herald.post(event).then().statusCode(202);

        List<Map<String, Object>> sent = awaitSubmissions(id, 2);
        Map<String, Object> toBob = sent.stream().filter(s -> "bob@example.com".equals(destination(s))).findFirst()
                .orElseThrow();
        assertThat((String) toBob.get("subject")).contains("PO-4711").contains("Status: Approved");
        assertThat((String) toBob.get("html")).contains("Hallo Bob Brandt");
        Map<String, Object> toAlice = sent.stream().filter(s -> "alice@example.com".equals(destination(s)))
                .findFirst().orElseThrow();
        assertThat((String) toAlice.get("html")).contains("Hello Alice Achterberg");
    }

    @Test
    void eventDataIsHtmlEscapedInEmails() {
        ObjectNode event = Herald.sample("shipment-delayed");
        ((ObjectNode) event.get("data")).put("message", "<script>alert('x')</script> & more");
        ((ObjectNode) event.get("data")).put("severity", "normal");
        String id = event.get("id").asText();

        Herald.post(event).then().statusCode(202);

        Map<String, Object> email = only(awaitSubmissions(id, 1), "EMAIL");
        assertThat((String) email.get("html")).doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more");
    }

    static List<Map<String, Object>> awaitSubmissions(String eventId, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Herald.submissionsFor(eventId).size() >= count);
        List<Map<String, Object>> sent = Herald.submissionsFor(eventId);
        assertThat(sent).hasSize(count);
        return sent;
    }

    static Map<String, Object> only(List<Map<String, Object>> submissions, String channel) {
        List<Map<String, Object>> matching = submissions.stream().filter(s -> channel.equals(s.get("channel")))
                .toList();
        assertThat(matching).as(channel + " submissions").hasSize(1);
        return matching.get(0);
    }

    @SuppressWarnings("unchecked")
    static String destination(Map<String, Object> submission) {
        List<Map<String, Object>> destinations = (List<Map<String, Object>>) submission.get("destinations");
        assertThat(destinations).hasSize(1);
        return (String) destinations.get(0).get("address");
    }
}
