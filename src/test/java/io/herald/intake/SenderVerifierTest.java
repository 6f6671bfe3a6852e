package io.herald.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.http.HttpRequest;
import io.herald.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
