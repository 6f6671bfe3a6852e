package io.herald.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.herald.http.HttpRequest;
import io.herald.http.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventReaderTest {

    private final CloudEventReader reader = new CloudEventReader(
            TestIntakeConfig.withSender("erp", "s", null, null), new ObjectMapper());

    @Test
    void structuredEventIsRead() {
        List<CloudEvent> events = reader.read(request("application/cloudevents+json; charset=utf-8",
                fixture("structured.json"), Map.of()));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getId()).isEqualTo("evt-1");
            assertThat(e.getSource().toString()).isEqualTo("/xconnector/erp/test");
            assertThat(e.getType()).isEqualTo("erp.shipment.delayed");
            assertThat(new String(e.getData().toBytes(), StandardCharsets.UTF_8)).contains("SHP-1");
        });
    }

    @Test
    void binaryEventIsReadFromCeHeaders() {
        List<CloudEvent> events = reader.read(request("application/json", "{\"entityId\":\"SHP-2\"}",
                Map.of("ce-specversion", "1.0", "ce-id", "evt-2", "ce-source", "/xconnector/erp/test",
                        "ce-type", "erp.shipment.delayed", "ce-tenant", "emea")));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getId()).isEqualTo("evt-2");
            assertThat(e.getExtension("tenant")).isEqualTo("emea");
            assertThat(new String(e.getData().toBytes(), StandardCharsets.UTF_8)).contains("SHP-2");
        });
    }

    @Test
    void batchIsReadInOrder() {
        List<CloudEvent> events = reader.read(request(CloudEventReader.BATCH, fixture("batch.json"), Map.of()));
        assertThat(events).extracting(CloudEvent::getId).containsExactly("evt-b1", "evt-b2");
    }

    @Test
    void batchWithOneBadEventIsRefusedWholeNamingTheEvent() {
        ProblemException refused = refused(request(CloudEventReader.BATCH, fixture("batch-one-bad.json"), Map.of()));
        assertThat(refused.problem().status()).isEqualTo(400);
        assertThat(refused.problem().detail()).contains("refused whole");
        assertThat(refused.problem().errors()).singleElement().asString().startsWith("event[1]:").contains("type");
    }

    @Test
    void batchLargerThanTheEventLimitIsRefused() {
        String four = "[" + String.join(",", List.of(minimal("a"), minimal("b"), minimal("c"), minimal("d"))) + "]";
        assertThat(refused(request(CloudEventReader.BATCH, four, Map.of())).problem().status()).isEqualTo(413);
    }

    @Test
    void missingRequiredAttributeIsNamed() {
        ProblemException refused = refused(request("application/cloudevents+json",
                "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/xconnector/a\"}", Map.of()));
        assertThat(refused.problem().status()).isEqualTo(400);
        assertThat(refused.problem().detail()).contains("type");
    }

    @Test
    void malformedJsonIsA400() {
        ProblemException refused = refused(request("application/cloudevents+json", "{\"specversion\":", Map.of()));
        assertThat(refused.problem().status()).isEqualTo(400);
    }

    @Test
    void malformedJsonDataInBinaryModeIsA400() {
        ProblemException refused = refused(request("application/json", "{not json",
                Map.of("ce-specversion", "1.0", "ce-id", "x", "ce-source", "/xconnector/a", "ce-type", "t")));
        assertThat(refused.problem().status()).isEqualTo(400);
        assertThat(refused.problem().detail()).contains("data is not valid JSON");
    }

    @Test
    void jsonDataInBase64IsReadAsItsBytes() {
        List<CloudEvent> events = reader.read(request("application/cloudevents+json",
                withBase64Data("application/json", "eyJlbnRpdHlJZCI6IlNIUC0zIn0="), Map.of()));
        assertThat(events).singleElement().satisfies(e ->
                assertThat(new String(e.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo(
                        "{\"entityId\":\"SHP-3\"}"));
    }

    @Test
    void jsonDataInBase64WithADuplicateMemberIsA400() {
        // {"a":1,"a":2}: the event's own text is strict JSON; the data it carries in base64 is not.
        ProblemException refused = refused(request("application/cloudevents+json",
                withBase64Data("application/json", "eyJhIjoxLCJhIjoyfQ=="), Map.of()));
        assertThat(refused.problem().status()).isEqualTo(400);
        assertThat(refused.problem().detail()).contains("the event data is not valid JSON").contains("'a'");
    }

    @Test
    void unknownContentTypeIsA415() {
        assertThat(refused(request("text/plain", "hello", Map.of())).problem().status()).isEqualTo(415);
    }

    @Test
    void nonJsonDataIsA415() {
        ProblemException refused = refused(request("application/xml", "<a/>",
                Map.of("ce-specversion", "1.0", "ce-id", "x", "ce-source", "/xconnector/a", "ce-type", "t")));
        assertThat(refused.problem().status()).isEqualTo(415);
    }

    @Test
    void oversizedEventIsA413() {
        String big = "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/xconnector/a\",\"type\":\"t\","
                + "\"data\":{\"blob\":\"" + "x".repeat(5000) + "\"}}";
        ProblemException refused = refused(request("application/cloudevents+json", big, Map.of()));
        assertThat(refused.problem().status()).isEqualTo(413);
        assertThat(refused.problem().detail()).contains("4096");
    }

    private static String minimal(String id) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/xconnector/a\",\"type\":\"t\"}";
    }

    private static String withBase64Data(String contentType, String base64) {
        return "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/xconnector/a\",\"type\":\"t\","
                + "\"datacontenttype\":\"" + contentType + "\",\"data_base64\":\"" + base64 + "\"}";
    }

    private ProblemException refused(HttpRequest request) {
        try {
            reader.read(request);
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("request was accepted");
    }

    private static HttpRequest request(String contentType, String body, Map<String, String> extraHeaders) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("content-type", List.of(contentType));
        extraHeaders.forEach((k, v) -> headers.put(k, List.of(v)));
        return new HttpRequest("POST", "/events", headers, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static String fixture(String name) {
        try (InputStream in = CloudEventReaderTest.class.getResourceAsStream("/intake/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
