package io.herald.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear problem and changes nothing. */
@QuarkusTest
class IntakeRefusalTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void wronglySignedEventIsRefusedAndNotStored() {
        ObjectNode event = Herald.sample("shipment-delayed");

        Herald.post(Herald.bytes(event), "application/cloudevents+json", Instant.now(), "not-the-secret")
                .then().statusCode(401).contentType(PROBLEM).body("status", equalTo(401));

        assertNotStored(event);
    }

    @Test
    void unsignedEventIsRefused() {
        ObjectNode event = Herald.sample("shipment-delayed");

        io.herald.support.Herald.http().contentType("application/cloudevents+json").body(Herald.bytes(event)).post("/events")
                .then().statusCode(401).contentType(PROBLEM).body("detail", containsString("X-Herald-Sender"));

        assertNotStored(event);
    }

    @Test
    void replayedTimestampIsRefused() {
        ObjectNode event = Herald.sample("shipment-delayed");

        Herald.post(Herald.bytes(event), "application/cloudevents+json", Instant.now().minusSeconds(600),
                Herald.SECRET).then().statusCode(401).contentType(PROBLEM)
                .body("detail", containsString("replay window"));

        assertNotStored(event);
    }

    @Test
    void oversizedEventIsRefused() {
        ObjectNode event = Herald.sample("shipment-delayed");
        ((ObjectNode) event.get("data")).put("message", "x".repeat(300_000));

        Herald.post(event).then().statusCode(413).contentType(PROBLEM).body("detail", containsString("262144"));

        assertNotStored(event);
    }

    @Test
    void malformedJsonIsRefused() {
        Herald.post("{\"specversion\": \"1.0\", \"id\": ".getBytes(StandardCharsets.UTF_8),
                "application/cloudevents+json", Instant.now(), Herald.SECRET)
                .then().statusCode(400).contentType(PROBLEM).body("title", equalTo("Invalid CloudEvent"));
    }

    @Test
    void eventWithoutTypeIsRefusedNamingTheAttribute() {
        ObjectNode event = Herald.sample("shipment-delayed");
        event.remove("type");

        Herald.post(event).then().statusCode(400).contentType(PROBLEM).body("detail", containsString("type"));

        assertNotStored(event);
    }

    @Test
    void plainJsonWithoutCloudEventsHeadersIsAnUnsupportedMediaType() {
        ObjectNode event = Herald.sample("shipment-delayed");

        // signed as binary mode signs, so that the missing ce- headers are what is refused
        io.herald.support.BinaryRequest.signed(java.util.Map.of(), "application/json", Herald.bytes(event),
                Instant.now(), Herald.SECRET).post().then().statusCode(415).contentType(PROBLEM);

        assertNotStored(event);
    }

    @Test
    void senderCannotSpeakForAForeignSource() {
        ObjectNode event = Herald.sample("shipment-delayed");
        event.put("source", "/crm/direct");

        Herald.post(event).then().statusCode(403).contentType(PROBLEM).body("detail", containsString("/crm/direct"));

        assertNotStored(event);
    }

    @Test
    void batchWithOneBadEventStoresNone() {
        ObjectNode good = Herald.sample("shipment-delayed");
        ObjectNode bad = Herald.sample("case-customer-replied");
        bad.remove("source");
        byte[] batch = Herald.bytes(java.util.List.of(good, bad));

        Herald.post(batch, "application/cloudevents-batch+json", Instant.now(), Herald.SECRET)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors", hasItem(containsString("event[1]")));

        assertNotStored(good);
    }

    private static void assertNotStored(ObjectNode event) {
        assertThat(Herald.event(event.get("source").asText(), event.get("id").asText())).isNull();
    }
}
