package io.herald.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.signing.Hmac;
import io.herald.signing.SignatureBase;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CloudEvent in binary mode as xConnector sends it: attributes as {@code ce-} headers, the data as the body with
 * {@code datacontenttype} as its Content-Type, signed over all three. {@link #with} changes a header but keeps the
 * signature, as someone replaying a captured request would.
 */
public record BinaryRequest(Map<String, String> attributes, String contentType, byte[] body, String timestamp,
        String signature) {

    public static BinaryRequest of(ObjectNode event, Instant signedAt, String secret) {
        Map<String, String> attributes = new LinkedHashMap<>();
        event.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("data") && !field.getKey().equals("datacontenttype")) {
                JsonNode value = field.getValue();
                attributes.put("ce-" + field.getKey(), value.isTextual() ? value.asText() : value.toString());
            }
        });
        String contentType = event.has("datacontenttype") ? event.get("datacontenttype").asText() : "application/json";
        byte[] body = event.has("data") ? Herald.bytes(event.get("data")) : new byte[0];
        return signed(attributes, contentType, body, signedAt, secret);
    }

    public static BinaryRequest signed(Map<String, String> attributes, String contentType, byte[] body,
            Instant signedAt, String secret) {
        String timestamp = Long.toString(signedAt.getEpochSecond());
        return new BinaryRequest(Map.copyOf(attributes), contentType, body, timestamp,
                Hmac.signatureHeader(secret, SignatureBase.ofBinary(timestamp, contentType, attributes, body)));
    }

    /** The same request, signature included, with one header ({@code ce-*} or {@code content-type}) changed. */
    public BinaryRequest with(String header, String value) {
        if (header.equalsIgnoreCase("content-type")) {
            return new BinaryRequest(attributes, value, body, timestamp, signature);
        }
        Map<String, String> changed = new LinkedHashMap<>(attributes);
        changed.put(header, value);
        return new BinaryRequest(changed, contentType, body, timestamp, signature);
    }

    /** The same request with another signature. */
    public BinaryRequest signedAs(String otherSignature) {
        return new BinaryRequest(attributes, contentType, body, timestamp, otherSignature);
    }

    public RequestSpecification spec() {
        RequestSpecification spec = Herald.http().header("X-Herald-Sender", Herald.SENDER)
                .header("X-Herald-Timestamp", timestamp).header("X-Herald-Signature", signature);
        attributes.forEach(spec::header);
        return spec.contentType(contentType).body(body);
    }

    public Response post() {
        return spec().post("/events");
    }
}
