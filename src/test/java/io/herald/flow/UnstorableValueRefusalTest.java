package io.herald.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A value no store could keep is refused at the door, naming where the sender put it, and nothing is stored. */
@QuarkusTest
class UnstorableValueRefusalTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void entityIdLongerThanTheStoresKeepIsRefusedNamingTheField() {
        ObjectNode event = Herald.sample("purchase-order-approval");
        ((ObjectNode) event.get("data")).put("entityId", "P".repeat(300));

        Herald.post(event).then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("data.entityId is 300 characters; at most 256"));

        assertNotStored(event);
    }

    @Test
    void sourceOfManyBytesIsRefusedByItsUtf8Length() {
        ObjectNode event = Herald.sample("shipment-delayed");
        String source = event.get("source").asText() + "/" + "\u20ac".repeat(400);
        event.put("source", source);

        Herald.post(event).then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("source is " + source.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                        + " bytes in UTF-8; at most 1024"));

        assertNotStored(event);
    }

    @Test
    void deadlineBeyondTheYear9999IsRefusedNamingTheField() {
        ObjectNode event = Herald.sample("case-callback-requested");
        ((ObjectNode) event.get("data")).put("respondBy", "+100000-01-01T00:00:00Z");

        Herald.post(event).then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("data.respondBy"));

        assertNotStored(event);
    }

    @Test
    void batchWithOneUnstorableEventStoresNone() {
        ObjectNode good = Herald.sample("shipment-delayed");
        ObjectNode bad = Herald.sample("purchase-order-approval");
        ((ObjectNode) bad.get("data")).put("entityId", "P".repeat(300));

        Herald.post(Herald.bytes(List.of(good, bad)), "application/cloudevents-batch+json", Instant.now(),
                Herald.SECRET).then().statusCode(400).contentType(PROBLEM)
                .body("errors", hasItem("event[1]: data.entityId is 300 characters; at most 256"));

        assertNotStored(good);
        assertNotStored(bad);
    }

    @Test
    void entityIdAtTheLimitIsAccepted() {
        ObjectNode event = Herald.sample("purchase-order-approval");
        ((ObjectNode) event.get("data")).put("entityId", "P".repeat(256));

        Herald.post(event).then().statusCode(202).body("status", equalTo("routed"));
    }

    private static void assertNotStored(ObjectNode event) {
        assertThat(Herald.event(event.get("source").asText(), event.get("id").asText())).isNull();
    }
}
