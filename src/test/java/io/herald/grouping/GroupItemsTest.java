package io.herald.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A group keeps its first and latest event in bounded size, whatever the events hold. */
class GroupItemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void smallDataIsKeptForTheTemplates() {
        JsonNode item = GroupItems.read(GroupItems.of(event("s".repeat(10), "{\"errorCode\":\"EDI-422\"}"), JSON),
                JSON);

        assertThat(item.path("data").path("errorCode").asText()).isEqualTo("EDI-422");
        assertThat(item.path("id").asText()).isEqualTo("r-1");
        assertThat(item.path("time").asText()).isEqualTo("2026-12-01T02:00:00Z");
        assertThat(item.has("dataOmitted")).isFalse();
    }

    @Test
    void anEventOfHundredsOfKilobytesIsKeptInAFewKilobytes() {
        String huge = "{\"errorMessage\":\"" + "x".repeat(300_000) + "\"}";

        String item = GroupItems.of(event("s".repeat(4000), huge), JSON);

        assertThat(item.length()).isLessThan(GroupItems.MAX_DATA_CHARS);
        JsonNode read = GroupItems.read(item, JSON);
        assertThat(read.path("dataOmitted").asBoolean()).isTrue();
        assertThat(read.has("data")).isFalse();
        assertThat(read.path("subject").asText()).hasSize(256).endsWith("...");
    }

    private static StoredEvent event(String subject, String data) {
        return new StoredEvent("/xconnector/runtime/scheduler", "r-1", "integration.record.failed", subject, AT, AT,
                Map.of(), "application/json", data, EventStatus.RECEIVED, List.of(), null);
    }
}
