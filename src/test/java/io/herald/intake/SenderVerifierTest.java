package io.herald.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.http.HttpRequest;
import io.herald.http.ProblemException;
import io.herald.signing.Hmac;
import io.herald.signing.SignatureBase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SenderVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final byte[] BODY = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);

    private final SenderVerifier verifier = new SenderVerifier(
            TestIntakeConfig.withSender("erp", "current-secret", "old-secret", null),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void correctlySignedRequestNamesItsSender() {
        assertThat(verifier.verify(signed("erp", "current-secret", NOW, BODY))).isEqualTo("erp");
    }

    @Test
    void previousSecretStillVerifiesDuringRotation() {
        assertThat(verifier.verify(signed("erp", "old-secret", NOW, BODY))).isEqualTo("erp");
    }

    @Test
    void wrongSecretIsRefused() {
        assertRefused(signed("erp", "guessed", NOW, BODY), "does not verify");
    }

    @Test
    void alteredBodyIsRefused() {
        HttpRequest request = signed("erp", "current-secret", NOW, BODY);
        HttpRequest altered = new HttpRequest(request.method(), request.path(), request.headers(), request.query(),
                "{\"id\":\"2\"}".getBytes(StandardCharsets.UTF_8));
        assertRefused(altered, "does not verify");
    }

    @Test
    void unknownSenderGetsTheSameAnswerAsABadSignature() {
        assertRefused(signed("crm", "current-secret", NOW, BODY), "does not verify");
    }

    @Test
    void timestampOlderThanTheReplayWindowIsRefused() {
        assertRefused(signed("erp", "current-secret", NOW.minusSeconds(301), BODY), "replay window");
    }

    @Test
    void timestampFarInTheFutureIsRefused() {
        assertRefused(signed("erp", "current-secret", NOW.plusSeconds(301), BODY), "replay window");
    }

    @Test
    void timestampJustInsideTheWindowIsAccepted() {
        assertThat(verifier.verify(signed("erp", "current-secret", NOW.minusSeconds(299), BODY))).isEqualTo("erp");
    }

    @Test
    void missingSignatureHeaderIsRefused() {
        HttpRequest request = signed("erp", "current-secret", NOW, BODY);
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.remove("x-herald-signature");
        assertRefused(new HttpRequest("POST", "/events", headers, Map.of(), BODY), "X-Herald-Signature");
    }

    @Test
    void malformedSignatureIsRefusedWithoutError() {
        HttpRequest request = signed("erp", "current-secret", NOW, BODY);
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.put("x-herald-signature", List.of("sha256=not-hex, md5=abc"));
        assertRefused(new HttpRequest("POST", "/events", headers, Map.of(), BODY), "does not verify");
    }

    @Test
    void refusalNeverEchoesTheSecret() {
        assertThatThrownBy(() -> verifier.verify(signed("erp", "guessed", NOW, BODY)))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().toString())
                        .doesNotContain("current-secret").doesNotContain("old-secret"));
    }

    @Test
    void binaryRequestSignedOverItsAttributesNamesItsSender() {
        assertThat(verifier.verify(binary("current-secret", Map.of()))).isEqualTo("erp");
    }

    @Test
    void binaryRequestSignedOverBodyOnlyIsRefused() {
        HttpRequest request = binary("current-secret", Map.of());
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        String timestamp = request.header("x-herald-timestamp");
        headers.put("x-herald-signature", List.of(Hmac.signatureHeader("current-secret", timestamp, BODY)));

        assertRefused(new HttpRequest("POST", "/events", headers, Map.of(), BODY), "binary mode");
    }

    @Test
    void attributeOrContentTypeChangedIsRefused() {
        for (Map<String, String> change : List.of(Map.of("ce-id", "2"), Map.of("ce-type", "other"),
                Map.of("content-type", "text/json"), Map.of("ce-subject", "added"))) {
            HttpRequest request = binary("current-secret", change);
            assertRefused(request, "attributes and body");
        }
    }

    @Test
    void structuredRequestWithCeHeadersIsRefused() {
        HttpRequest request = signed("erp", "current-secret", NOW, BODY);
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.put("ce-id", List.of("1"));

        assertThatThrownBy(() -> verifier.verify(new HttpRequest("POST", "/events", headers, Map.of(), BODY)))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(400));
    }

    @Test
    void twoThousandSignaturesAreRefusedFast() {
        byte[] body = new byte[4 << 20];
        SenderVerifier roomy = new SenderVerifier(new TestIntakeConfig(Duration.ofMinutes(5), body.length, 3,
                TestIntakeConfig.withSender("erp", "current-secret", null, null).senders()),
                Clock.fixed(NOW, ZoneOffset.UTC));
        HttpRequest request = signed("erp", "current-secret", NOW, body);
        String valid = request.header("x-herald-signature");
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.put("x-herald-signature", List.of(String.join(",", Collections.nCopies(2000, valid))));
        HttpRequest flooded = new HttpRequest("POST", "/events", headers, Map.of(), body);
        assertThat(roomy.verify(request)).isEqualTo("erp");

        long start = System.nanoTime();
        assertThatThrownBy(() -> roomy.verify(flooded)).isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    assertThat(((ProblemException) e).problem().status()).isEqualTo(401);
                    assertThat(((ProblemException) e).problem().detail()).contains("more than 5 signatures");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
    }

    @Test
    void fiveSignaturesAreEnough() {
        HttpRequest request = signed("erp", "current-secret", NOW, BODY);
        String valid = request.header("x-herald-signature");
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.put("x-herald-signature", List.of("sha256=" + "0".repeat(64) + ",md5=1,sha256=zz, ," + valid));

        assertThat(verifier.verify(new HttpRequest("POST", "/events", headers, Map.of(), BODY))).isEqualTo("erp");
        headers.put("x-herald-signature", List.of(String.join(",", Collections.nCopies(6, valid))));
        assertRefused(new HttpRequest("POST", "/events", headers, Map.of(), BODY), "more than 5 signatures");
    }

    @Test
    void oversizedBodyIsRefusedBeforeHashing() {
        byte[] body = new byte[4097];
        HttpRequest request = signed("erp", "current-secret", NOW, body);
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.put("x-herald-signature", List.of("sha256=garbage"));

        assertThatThrownBy(() -> verifier.verify(new HttpRequest("POST", "/events", headers, Map.of(), body)))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    assertThat(((ProblemException) e).problem().status()).isEqualTo(413);
                    assertThat(((ProblemException) e).problem().detail()).contains("4096");
                });
    }

    @Test
    void batchMayBeAsLargeAsItsEventsTogether() {
        byte[] body = new byte[3 * 4097 + 1];
        HttpRequest request = signed("erp", "current-secret", NOW, body);
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.put("content-type", List.of("application/cloudevents-batch+json"));
        assertThat(verifier.verify(new HttpRequest("POST", "/events", headers, Map.of(), body))).isEqualTo("erp");

        byte[] larger = new byte[body.length + 1];
        headers.put("x-herald-signature", List.of(Hmac.signatureHeader("current-secret",
                request.header("x-herald-timestamp"), larger)));
        assertThatThrownBy(() -> verifier.verify(new HttpRequest("POST", "/events", headers, Map.of(), larger)))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(413));
    }

    /** A binary request signed over its attributes, then sent with {@code changes} applied to its headers. */
    private static HttpRequest binary(String secret, Map<String, String> changes) {
        String timestamp = Long.toString(NOW.getEpochSecond());
        Map<String, String> attributes = Map.of("ce-specversion", "1.0", "ce-id", "1", "ce-source", "/erp/a",
                "ce-type", "t");
        Map<String, List<String>> headers = new HashMap<>();
        attributes.forEach((name, value) -> headers.put(name, List.of(value)));
        headers.put("content-type", List.of("application/json"));
        headers.put("x-herald-sender", List.of("erp"));
        headers.put("x-herald-timestamp", List.of(timestamp));
        headers.put("x-herald-signature", List.of(Hmac.signatureHeader(secret,
                SignatureBase.ofBinary(timestamp, "application/json", attributes, BODY))));
        changes.forEach((name, value) -> headers.put(name, List.of(value)));
        return new HttpRequest("POST", "/events", headers, Map.of(), BODY);
    }

    static HttpRequest signed(String sender, String secret, Instant at, byte[] body) {
        String timestamp = Long.toString(at.getEpochSecond());
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("x-herald-sender", List.of(sender));
        headers.put("x-herald-timestamp", List.of(timestamp));
        headers.put("x-herald-signature", List.of(Hmac.signatureHeader(secret, timestamp, body)));
        headers.put("content-type", List.of("application/cloudevents+json"));
        return new HttpRequest("POST", "/events", headers, Map.of(), body);
    }

    private void assertRefused(HttpRequest request, String detail) {
        assertThatThrownBy(() -> verifier.verify(request))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    ProblemException problem = (ProblemException) e;
                    assertThat(problem.problem().status()).isEqualTo(401);
                    assertThat(problem.problem().detail()).contains(detail);
                });
    }
}
