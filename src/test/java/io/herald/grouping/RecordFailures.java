package io.herald.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.domain.Channel;
import io.herald.domain.GroupIds;
import io.herald.support.Herald;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Failures of single records of an export (the sample rule {@code integration-record-failures}), posted as
 * xConnector does, and the announcements of their group that OpenText Notifications received.
 */
final class RecordFailures {

    static final String RULE = "integration-record-failures";
    static final String ERROR_CODE = "EDI-422";
    /** The ops group: every announcement goes to each of them by e-mail and SMS. */
    static final List<String> OPS = List.of("frank", "grace");

    private RecordFailures() {
    }

    /** A failure of one record in {@code system}; tests use a system of their own, so their groups are theirs. */
    static ObjectNode failure(String system, int record) {
        ObjectNode event = Herald.sample("integration-record-failed");
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("sourceSystem", system);
        data.put("recordId", "INV-" + record);
        data.put("transactionId", "TX-" + record);
        return event;
    }

    static ObjectNode critical(String system) {
        ObjectNode event = Herald.sample("integration-record-failed-critical");
        ((ObjectNode) event.get("data")).put("sourceSystem", system);
        return event;
    }

    /** Posts the event signed at the application's (test) time, so the replay window accepts it. */
    static JsonPath post(ObjectNode event, Instant now) {
        return Herald.post(Herald.bytes(event), "application/cloudevents+json", now, Herald.SECRET).then()
                .statusCode(202).extract().jsonPath();
    }

    /** What OpenText Notifications received for announcement number {@code n} of the system's group. */
    static List<Map<String, Object>> announcement(String system, int n) {
        List<Map<String, Object>> received = new ArrayList<>();
        for (String person : OPS) {
            for (Channel channel : List.of(Channel.EMAIL, Channel.SMS)) {
                String group = GroupIds.of(RULE, List.of(system, ERROR_CODE), person, channel);
                received.addAll(Herald.submissionsFor(group + "/" + n));
            }
        }
        return received;
    }

    /** Every announcement of the system's group received so far, counted up to {@code upTo}. */
    static int announcementsUpTo(String system, int upTo) {
        int total = 0;
        for (int n = 1; n <= upTo; n++) {
            total += announcement(system, n).size();
        }
        return total;
    }

    static String emailSubject(List<Map<String, Object>> received) {
        List<String> subjects = received.stream().filter(s -> "EMAIL".equals(s.get("channel")))
                .map(s -> (String) s.get("subject")).distinct().toList();
        assertThat(subjects).as("one subject for every e-mail of one announcement").hasSize(1);
        return subjects.get(0);
    }

    static List<String> smsTexts(List<Map<String, Object>> received) {
        return received.stream().filter(s -> "SMS".equals(s.get("channel"))).map(s -> (String) s.get("smsText"))
                .toList();
    }
}
