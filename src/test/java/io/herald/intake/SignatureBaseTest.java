package io.herald.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.http.HttpRequest;
import io.herald.http.ProblemException;
import io.herald.signing.Hmac;
import io.herald.signing.SignatureBase;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signed text of each mode, with signatures computed by hand:
 * {@code printf '<text>' | openssl dgst -sha256 -hmac local-xconnector-secret}.
 */
class SignatureBaseTest {

    private static final String SECRET = "local-xconnector-secret";
    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    private static final String README_EXAMPLE = "1700000000.content-type:application/json\nce-id:42\nce-source:/x\n"
            + "ce-specversion:1.0\nce-type:t\n.{\"a\":1}";
    private static final String README_EXAMPLE_SIGNATURE =
            "sha256=705795301672911919684d0008a4a1ac6227ec1362bc053a96842ccc0098bbf0";
    private static final String BODY_ONLY_SIGNATURE =
            "sha256=89d36d949ca9ab5df4a89d32124601b2d08c0a432bde7b738960fb5410d05ef2";

    @Test
    void binaryModeSignsContentTypeAndSortedCeHeaders() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("ce-type", "t");
        attributes.put("CE-Source", "/x");
        attributes.put("ce-specversion", "1.0");
        attributes.put("ce-id", "42");

        SignatureBase base = SignatureBase.ofBinary("1700000000", "application/json", attributes, BODY);

        assertThat(new String(base.bytes(), StandardCharsets.UTF_8)).isEqualTo(README_EXAMPLE);
        assertThat(Hmac.signatureHeader(SECRET, base)).isEqualTo(README_EXAMPLE_SIGNATURE);
    }

    @Test
    void binaryRequestIsSignedOverItsHeadersAsSentTrimmed() {
        HttpRequest request = request(Map.of("content-type", " application/json\t", "ce-id", "42 ",
                "ce-source", "/x", "ce-specversion", "1.0", "ce-type", "t", "x-herald-sender", "xconnector"));

        SignatureBase base = readOf(request, "1700000000");

        assertThat(base.binary()).isTrue();
        assertThat(Hmac.signatureHeader(SECRET, base)).isEqualTo(README_EXAMPLE_SIGNATURE);
    }

    @Test
    void structuredModeSignsTheBodyOnly() {
        SignatureBase base = readOf(request(Map.of("content-type", "application/cloudevents+json")),
                "1700000000");

        assertThat(base.binary()).isFalse();
        assertThat(new String(base.bytes(), StandardCharsets.UTF_8)).isEqualTo("1700000000.{\"a\":1}");
        assertThat(Hmac.signatureHeader(SECRET, base)).isEqualTo(BODY_ONLY_SIGNATURE);
        assertThat(Hmac.signatureHeader(SECRET, "1700000000", BODY)).isEqualTo(BODY_ONLY_SIGNATURE);
    }

    @Test
    void structuredOrBatchRequestWithCeHeadersIsAmbiguous() {
        for (String type : List.of("application/cloudevents+json", "application/cloudevents-batch+json; charset=utf-8")) {
            assertThatThrownBy(() -> readOf(request(Map.of("content-type", type, "ce-id", "42")), "1"))
                    .isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(400))
                    .hasMessageContaining("ce-id");
        }
    }

    @Test
    void attributeSentTwiceIsAmbiguous() {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("content-type", List.of("application/json"));
        headers.put("ce-id", List.of("42", "43"));

        assertThatThrownBy(() -> readOf(new HttpRequest("POST", "/events", headers, Map.of(), BODY), "1"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(400));
    }

    private static HttpRequest request(Map<String, String> headers) {
        Map<String, List<String>> multi = new HashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new HttpRequest("POST", "/events", multi, Map.of(), BODY);
    }

    private static SignatureBase readOf(HttpRequest request, String timestamp) {
        return SignatureBase.of(request, timestamp, CloudEventReader.carriesEventsInBody(request.mediaType()));
    }
}
