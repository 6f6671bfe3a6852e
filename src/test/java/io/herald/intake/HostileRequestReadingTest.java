package io.herald.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.herald.http.HttpRequest;
import io.herald.http.ProblemException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a sender posts, the reader answers with events or with a 4xx problem: never another exception, never a
 * status that would read as Herald's own failure.
 */
class HostileRequestReadingTest {

    private static final String EVENT = "{\"specversion\":\"1.0\",\"id\":\"evt-1\",\"source\":\"/xconnector/erp/test\","
            + "\"type\":\"erp.shipment.delayed\",\"subject\":\"shipment/SHP-1\",\"time\":\"2026-06-08T10:00:00Z\","
            + "\"datacontenttype\":\"application/json\",\"tenant\":\"emea\",\"priority\":3,"
            + "\"data\":{\"entityId\":\"SHP-1\",\"amount\":12500.75,\"lines\":[{\"sku\":\"A-1\",\"qty\":2}],"
            + "\"note\":\"Hamburg \\u00fc \\ud83d\\ude00\",\"ok\":true,\"none\":null}}";
    private static final String DATA = "{\"entityId\":\"SHP-2\",\"amount\":10000.01,\"tags\":[\"a\",\"b\"]}";

    private final CloudEventReader reader = new CloudEventReader(
            TestIntakeConfig.withSender("erp", "s", null, null), new ObjectMapper());

    @Property(tries = 1500)
    void everyHostileRequestIsReadOrRefusedWithA4xxProblem(@ForAll("hostileRequests") HttpRequest request) {
        try {
            List<CloudEvent> events = reader.read(request);
            assertThat(events).isNotEmpty();
        } catch (ProblemException refused) {
            assertThat(refused.problem().status()).isBetween(400, 499);
            assertThat(refused.problem().detail()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<HttpRequest> hostileRequests() {
        return Arbitraries.oneOf(structured(), batch(), binary());
    }

    private Arbitrary<HttpRequest> structured() {
        return Combinators.combine(mutatedBody(EVENT), contentTypes(CloudEventReader.STRUCTURED), oddHeaders())
                .as((body, type, headers) -> request(type, body, headers));
    }

    private Arbitrary<HttpRequest> batch() {
        String batch = "[" + EVENT + "," + EVENT.replace("evt-1", "evt-2") + "]";
        return Combinators.combine(mutatedBody(batch), contentTypes(CloudEventReader.BATCH))
                .as((body, type) -> request(type, body, Map.of()));
    }

    private Arbitrary<HttpRequest> binary() {
        Arbitrary<Map<String, List<String>>> headers = Combinators.combine(
                headerValue("1.0", "0.3", "1.0 ", "", "%31.0"), headerValue("evt-3", "", "%", "%zz", "a%C3%28",
                        "\"quoted\\\"id\"", "\"", "evt\u0007", "%e2%82%ac"),
                headerValue("/xconnector/erp/test", "a b", "%20", "::", "http://[x"),
                headerValue("erp.shipment.delayed", "t", ""), oddHeaders())
                .as((version, id, source, type, extra) -> {
                    Map<String, List<String>> all = new HashMap<>(extra);
                    all.put("ce-specversion", version);
                    all.put("ce-id", id);
                    all.put("ce-source", source);
                    all.put("ce-type", type);
                    return all;
                });
        return Combinators.combine(mutatedBody(DATA), contentTypes("application/json"), headers)
                .as((body, type, all) -> request(type, body, all));
    }

    private static Arbitrary<byte[]> mutatedBody(String valid) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, bytes.length);
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8);
        Arbitrary<String> fragment = Arbitraries.of("1e20000000", "1e100000000", "-1e-99999999", "9".repeat(120),
                "\"id\":\"dup\",", "\"data\":{},", "\"data_base64\":\"e30=\",", "\"\\ud800\"", "\"\\udc00x\"",
                "[".repeat(5000), "{\"a\":".repeat(100), "}", "]", ",", "\"Tenant\":1,", "\"x\":1.5,",
                "\"specversion\":\"0.3\",", "null", "\u0000", "\"a\":\"" + "x".repeat(70_000) + "\",",
                "\uFEFF", "\"time\":\"2026-13-40T25:61:61Z\",");
        Arbitrary<byte[]> badUtf8 = Arbitraries.of(new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xc0,
                (byte) 0xaf}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xf4,
                (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                new byte[] {(byte) 0xff}, new byte[] {(byte) 0xe2, (byte) 0x82});
        return Arbitraries.oneOf(
                Arbitraries.just(bytes),
                position.map(at -> java.util.Arrays.copyOf(bytes, at)),
                Combinators.combine(position, noise).as((at, inserted) -> splice(bytes, at, inserted)),
                Combinators.combine(position, badUtf8).as((at, inserted) -> splice(bytes, at, inserted)),
                Combinators.combine(position, fragment).as((at, text) -> splice(bytes, at,
                        text.getBytes(StandardCharsets.UTF_8))),
                Combinators.combine(position, position).as((from, to) -> splice(bytes, Math.min(from, to),
                        java.util.Arrays.copyOfRange(bytes, Math.min(from, to), Math.max(from, to)))),
                Arbitraries.just((valid + " x").getBytes(StandardCharsets.UTF_8)),
                Arbitraries.just((valid + valid).getBytes(StandardCharsets.UTF_8)));
    }

    private static Arbitrary<String> contentTypes(String usual) {
        return Arbitraries.of(usual, usual, usual + "; charset=utf-8", usual + "; charset=latin1",
                usual.toUpperCase(), "application/cloudevents+xml", "text/plain", "", ";", "application/json;;");
    }

    private static Arbitrary<Map<String, List<String>>> oddHeaders() {
        return Arbitraries.oneOf(
                Arbitraries.just(Map.of()),
                Arbitraries.just(Map.of("content-encoding", List.of("gzip"))),
                Arbitraries.just(Map.of("content-encoding", List.of("identity"))),
                Arbitraries.just(Map.of("ce-subject", List.of("a", "b"))),
                Arbitraries.just(Map.of("ce-Tenant", List.of("x"))),
                Arbitraries.just(Map.of("ce-", List.of("x"))),
                Arbitraries.just(Map.of("ce-time", List.of("yesterday"))),
                Arbitraries.just(Map.of("ce-dataschema", List.of("relative/path"))),
                Arbitraries.strings().ofMaxLength(12).map(value -> Map.of("ce-tenant", List.of(value))));
    }

    private static Arbitrary<List<String>> headerValue(String... values) {
        return Arbitraries.oneOf(Arbitraries.of(values).map(List::of),
                Arbitraries.strings().ofMaxLength(10).map(List::of),
                Arbitraries.just(List.of(values[0], values[0])));
    }

    private static byte[] splice(byte[] bytes, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static HttpRequest request(String contentType, byte[] body, Map<String, List<String>> extra) {
        Map<String, List<String>> headers = new HashMap<>();
        extra.forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
        if (!contentType.isEmpty()) {
            headers.put("content-type", List.of(contentType));
        }
        return new HttpRequest("POST", "/events", headers, Map.of(), body);
    }
}
