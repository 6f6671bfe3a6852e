package io.herald.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.signing.Hmac;
import io.herald.signing.SignatureBase;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each request the JSON, I-JSON and CloudEvents specifications refuse gets its own status and a problem naming the
 * attribute or the position, and nothing of it is stored.
 */
@QuarkusTest
class StrictIntakeRefusalTest {

    private static final String STRUCTURED = "application/cloudevents+json";
    private static final String BATCH = "application/cloudevents-batch+json";

    /** What a row sends, built around a fresh sample event so that rows never see each other's events. */
    record Request(byte[] body, String contentType, Map<String, List<String>> headers) {
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                structured("trailing data after the JSON value", json -> utf8(json + " x"), 400, "byte"),
                structured("a second JSON value after the first", json -> utf8(json + json), 400,
                        "data after the end of the JSON value"),
                structured("duplicate attribute name", json -> utf8(json.replaceFirst("\\{",
                        "{\"type\":\"other.type\",")), 400, "(/type)"),
                structured("duplicate member name inside data", json -> utf8(json.replace("\"data\":{",
                        "\"data\":{\"owner\":\"mallory\",")), 400, "/data"),
                structured("invalid UTF-8 byte sequence", json -> splice(json, "Carrier", 0xc3, 0x28), 400,
                        "not UTF-8: invalid byte sequence at byte"),
                structured("overlong UTF-8 encoding", json -> splice(json, "Carrier", 0xc0, 0xaf), 400,
                        "not UTF-8"),
                structured("surrogate encoded in UTF-8", json -> splice(json, "Carrier", 0xed, 0xa0, 0x80), 400,
                        "not UTF-8"),
                structured("unpaired surrogate escape", json -> utf8(json.replace("Carrier", "\\ud800Carrier")),
                        400, "/data/message"),
                structured("byte order mark", json -> prefixed(json, 0xef, 0xbb, 0xbf), 400, "byte order mark"),
                structured("nesting deeper than the limit", json -> utf8(json.replace("\"data\":{",
                        "\"data\":{\"deep\":" + "[".repeat(40) + "]".repeat(40) + ",")), 400, "nested deeper"),
                structured("number longer than the limit", json -> utf8(json.replace("\"data\":{",
                        "\"data\":{\"amount\":" + "9".repeat(150) + ",")), 400, "number longer"),
                structured("number 1e20000000", withAmount("1e20000000"), 400, "/data/amount"),
                structured("number 1e100000000", withAmount("1e100000000"), 400, "/data/amount"),
                structured("number -1e-99999999", withAmount("-1e-99999999"), 400, "/data/amount"),
                attribute("specversion 0.3", e -> e.put("specversion", "0.3"), "specversion"),
                attribute("empty id", e -> e.put("id", ""), "'id'"),
                attribute("type not a string", e -> e.put("type", 7), "'type'"),
                attribute("source not a URI reference", e -> e.put("source", "/xconnector/erp/a b"), "'source'"),
                attribute("empty subject", e -> e.put("subject", ""), "'subject'"),
                attribute("time not RFC 3339", e -> e.put("time", "2026-06-08 10:00"), "'time'"),
                attribute("time without an offset", e -> e.put("time", "2026-06-08T10:00:00"), "'time'"),
                attribute("relative dataschema", e -> e.put("dataschema", "/schemas/shipment"), "'dataschema'"),
                attribute("datacontenttype not a media type", e -> e.put("datacontenttype", "json"),
                        "'datacontenttype'"),
                attribute("extension name in upper case", e -> e.put("Tenant", "emea"), "'Tenant'"),
                attribute("extension name longer than 20", e -> e.put("tenantregionandcountry", "emea"),
                        "'tenantregionandcountry'"),
                attribute("extension value an object", e -> e.putObject("tenant").put("id", 1), "'tenant'"),
                attribute("extension value an array", e -> e.putArray("tenant").add(1), "'tenant'"),
                attribute("extension value a float", e -> e.put("tenant", 1.5), "'tenant'"),
                attribute("control character in an attribute", e -> e.put("subject", "shipment\u0007"),
                        "'subject'"),
                attribute("C1 control character in an extension", e -> e.put("tenant", "emea\u0085"), "'tenant'"),
                attribute("data and data_base64 together", e -> e.put("data_base64", "e30="), "data_base64"),
                binary("ce- header repeated", Map.of("ce-id", List.of("a", "b")), null, 400, "ce-id"),
                binary("percent sign without two hex digits", Map.of("ce-subject", List.of("shipment%zz")), null,
                        400, "ce-subject"),
                binary("percent-decoded value not UTF-8", Map.of("ce-subject", List.of("shipment%C3%28")), null,
                        400, "ce-subject"),
                binary("percent-decoded control character", Map.of("ce-subject", List.of("shipment%07")), null,
                        400, "'subject'"),
                binary("compressed body", Map.of(), "gzip", 415, "Content-Encoding"),
                batch("batch with one event of specversion 0.3", 400, "event[1]: attribute 'specversion'"),
                Arguments.of("batch with a duplicate member in its second event", batchWithDuplicate(), 400, "/1/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedRequestIsAProblemNamingWhereAndStoresNothing(String name, Sent sent, int status,
            String names) {
        Response response = sent.send();

        response.then().statusCode(status).contentType("application/problem+json");
        String detail = response.jsonPath().getString("detail");
        List<String> errors = response.jsonPath().getList("errors", String.class);
        assertThat(errors == null || errors.isEmpty() ? List.of(detail) : errors).as(name).anySatisfy(text ->
                assertThat(text).contains(names));
        for (ObjectNode event : sent.events()) {
            assertThat(Herald.event(event.get("source").asText(), event.get("id").asText())).as(name).isNull();
        }
    }

    /** A request ready to post, and the events whose absence proves nothing was stored. */
    record Sent(Request request, List<ObjectNode> events) {

        Response send() {
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            RequestSpecification spec = Herald.http()
                    .header("X-Herald-Sender", Herald.SENDER)
                    .header("X-Herald-Timestamp", timestamp)
                    .header("X-Herald-Signature", Hmac.signatureHeader(Herald.SECRET, signatureBase(timestamp)))
                    .contentType(request.contentType())
                    .body(request.body());
            request.headers().forEach((header, values) -> values.forEach(value -> spec.header(header, value)));
            return spec.post("/events");
        }

        /** Binary mode signs its attributes too; a repeated header is signed with its first value. */
        private SignatureBase signatureBase(String timestamp) {
            Map<String, String> attributes = new LinkedHashMap<>();
            request.headers().forEach((header, values) -> {
                if (header.toLowerCase(java.util.Locale.ROOT).startsWith("ce-")) {
                    attributes.put(header.toLowerCase(java.util.Locale.ROOT), values.get(0));
                }
            });
            return attributes.isEmpty() ? SignatureBase.ofBody(timestamp, request.body())
                    : SignatureBase.ofBinary(timestamp, request.contentType(), attributes, request.body());
        }

        @Override
        public String toString() {
            return new String(request.body(), StandardCharsets.UTF_8);
        }
    }

    private static Arguments structured(String name, Function<String, byte[]> mutation, int status, String names) {
        return structured(name, STRUCTURED, mutation, status, names);
    }

    private static Arguments structured(String name, String contentType, Function<String, byte[]> mutation,
            int status, String names) {
        ObjectNode event = Herald.sample("shipment-delayed");
        String json = new String(Herald.bytes(event), StandardCharsets.UTF_8);
        return Arguments.of(name, new Sent(new Request(mutation.apply(json), contentType, Map.of()), List.of(event)),
                status, names);
    }

    private static Arguments attribute(String name, java.util.function.Consumer<ObjectNode> change, String names) {
        ObjectNode event = Herald.sample("shipment-delayed");
        ObjectNode changed = event.deepCopy();
        change.accept(changed);
        return Arguments.of(name, new Sent(new Request(Herald.bytes(changed), STRUCTURED, Map.of()),
                List.of(event)), 400, names);
    }

    private static Arguments binary(String name, Map<String, List<String>> extra, String contentEncoding,
            int status, String names) {
        ObjectNode event = Herald.sample("shipment-delayed");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("ce-specversion", List.of("1.0"));
        headers.put("ce-id", List.of(event.get("id").asText()));
        headers.put("ce-source", List.of(event.get("source").asText()));
        headers.put("ce-type", List.of(event.get("type").asText()));
        headers.putAll(extra);
        if (contentEncoding != null) {
            headers.put("Content-Encoding", List.of(contentEncoding));
        }
        return Arguments.of(name, new Sent(new Request(Herald.bytes(event.get("data")), "application/json",
                headers), List.of(event)), status, names);
    }

    private static Arguments batch(String name, int status, String names) {
        ObjectNode good = Herald.sample("shipment-delayed");
        ObjectNode bad = Herald.sample("case-customer-replied");
        bad.put("specversion", "0.3");
        return Arguments.of(name, new Sent(new Request(Herald.bytes(List.of(good, bad)), BATCH, Map.of()),
                List.of(good, bad)), status, names);
    }

    private static Sent batchWithDuplicate() {
        ObjectNode good = Herald.sample("shipment-delayed");
        ObjectNode bad = Herald.sample("case-customer-replied");
        String second = new String(Herald.bytes(bad), StandardCharsets.UTF_8).replaceFirst("\\{",
                "{\"subject\":\"twice\",");
        String body = "[" + new String(Herald.bytes(good), StandardCharsets.UTF_8) + "," + second + "]";
        return new Sent(new Request(utf8(body), BATCH, Map.of()), List.of(good, bad));
    }

    private static Function<String, byte[]> withAmount(String number) {
        return json -> utf8(json.replace("\"data\":{", "\"data\":{\"amount\":" + number + ","));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The text with raw bytes put in front of the first occurrence of {@code before}. */
    private static byte[] splice(String json, String before, int... bytes) {
        int at = json.indexOf(before);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(json.substring(0, at)));
        for (int b : bytes) {
            out.write(b);
        }
        out.writeBytes(utf8(json.substring(at)));
        return out.toByteArray();
    }

    private static byte[] prefixed(String json, int... bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b : bytes) {
            out.write(b);
        }
        out.writeBytes(utf8(json));
        return out.toByteArray();
    }
}
