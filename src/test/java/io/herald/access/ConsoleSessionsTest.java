package io.herald.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Console sessions: the token's format, pinned by a known answer, and that a token stands for its key's holder
 * only while it is unexpired, untouched and its key is still configured as it was.
 */
class ConsoleSessionsTest {

    // printf '%s' ops-key-4b0c7e1d9a2f48e3b6d5c0a19f7e2d38 | sha256sum
    private static final String OPS_KEY = "ops-key-4b0c7e1d9a2f48e3b6d5c0a19f7e2d38";
    private static final String OPS_SHA256 = "765876f68585018980aa468163f44ec5f1d18f946e5e250b3db9abe7d78673bc";
    // printf '%s' grafana-key-71d3e0b2c4a64f5e9d8c7b6a5f4e3d2c | sha256sum
    private static final String READ_KEY = "grafana-key-71d3e0b2c4a64f5e9d8c7b6a5f4e3d2c";
    private static final String READ_SHA256 = "26bfc3d4613990d98df836b5478cae1cd4f6a26dd9e08ff52e4ac65b3e15e6c8";
    private static final String SECRET = "console-session-secret-for-the-vector-0001";
    /** Signed in at 2025-12-31T16:00:00Z for 8 hours: expires at 1767225600 (2026-01-01T00:00:00Z). */
    private static final Instant SIGNED_IN = Instant.parse("2025-12-31T16:00:00Z");
    /*
     * P='1|ops|operate|1767225600'; H=<OPS_SHA256>; S=<SECRET>
     * b64u() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
     * echo "$(printf '%s' "$P" | b64u).$(printf '%s' "$P|$H" | openssl dgst -sha256 -hmac "$S" -binary | b64u)"
     */
    private static final String OPS_TOKEN = "MXxvcHN8b3BlcmF0ZXwxNzY3MjI1NjAw.qk2mkFIENegLta7bqzjXQwcUCfClZLRgRMHimzCNuEU";
    // printf '%s' "form|<OPS_TOKEN>" | openssl dgst -sha256 -hmac "$S" -binary | b64u
    private static final String OPS_FORM_TOKEN = "1VrcangfkF_j8G0AEyCxARl1KEHnctjubGk2EzIpAhQ";

    private static OperatorConfig.Key key(String sha256, Access access) {
        return new OperatorConfig.Key() {
            @Override
            public String sha256() {
                return sha256;
            }

            @Override
            public Access access() {
                return access;
            }
        };
    }

    private static Map<String, OperatorConfig.Key> configured() {
        Map<String, OperatorConfig.Key> keys = new LinkedHashMap<>();
        keys.put("ops", key(OPS_SHA256, Access.OPERATE));
        keys.put("grafana", key(READ_SHA256, Access.READ));
        return keys;
    }

    private static ConsoleSessions sessions(Map<String, OperatorConfig.Key> keys, Instant now) {
        return new ConsoleSessions(Optional.of(SECRET.getBytes(StandardCharsets.UTF_8)), Duration.ofHours(8),
                new ApiKeys(keys), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aSessionTokenIsSignedAsTheKnownAnswerSays() {
        ConsoleSessions.Session session = sessions(configured(), SIGNED_IN).signIn(OPS_KEY).orElseThrow();

        assertThat(session.token()).isEqualTo(OPS_TOKEN);
        assertThat(session.operator()).isEqualTo(new Operator("key:ops", Access.OPERATE));
        assertThat(session.lifetime()).isEqualTo(Duration.ofHours(8));
        assertThat(sessions(configured(), SIGNED_IN).formToken(OPS_TOKEN)).isEqualTo(OPS_FORM_TOKEN);
    }

    @Test
    void theTokenCarriesNeitherTheKeyNorItsHash() {
        String token = sessions(configured(), SIGNED_IN).signIn(OPS_KEY).orElseThrow().token();
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);

        assertThat(payload).isEqualTo("1|ops|operate|1767225600");
        assertThat(token).doesNotContain(OPS_KEY).doesNotContain(OPS_SHA256);
    }

    @Test
    void aSessionStandsForItsKeyHolderWithTheKeysAccessUntilItExpires() {
        String operate = sessions(configured(), SIGNED_IN).signIn(OPS_KEY).orElseThrow().token();
        String read = sessions(configured(), SIGNED_IN).signIn(READ_KEY).orElseThrow().token();

        assertThat(sessions(configured(), SIGNED_IN.plus(Duration.ofHours(8)).minusSeconds(1)).operator(operate))
                .contains(new Operator("key:ops", Access.OPERATE));
        assertThat(sessions(configured(), SIGNED_IN).operator(read))
                .contains(new Operator("key:grafana", Access.READ));
        assertThat(sessions(configured(), SIGNED_IN.plus(Duration.ofHours(8))).operator(operate)).isEmpty();
    }

    @Test
    void aTamperedTokenIsRefused() {
        ConsoleSessions sessions = sessions(configured(), SIGNED_IN);
        String read = sessions.signIn(READ_KEY).orElseThrow().token();
        String signature = read.substring(read.indexOf('.'));
        String promoted = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "1|grafana|operate|1767225600".getBytes(StandardCharsets.UTF_8));
        String prolonged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "1|grafana|read|1893456000".getBytes(StandardCharsets.UTF_8));
        String flipped = read.substring(0, read.length() - 1) + (read.endsWith("A") ? "B" : "A");

        assertThat(sessions.operator(promoted + signature)).isEmpty();
        assertThat(sessions.operator(prolonged + signature)).isEmpty();
        assertThat(sessions.operator(flipped)).isEmpty();
        assertThat(sessions.operator("not-a-token")).isEmpty();
        assertThat(sessions.operator("%%%.%%%")).isEmpty();
        assertThat(sessions.operator(OPS_TOKEN.replace("MXxvcHN8", "MnxvcHN8"))).as("another version").isEmpty();
    }

    @Test
    void aSessionEndsWhenItsKeyIsRemovedReplacedOrGivenOtherAccess() {
        Map<String, OperatorConfig.Key> removed = configured();
        removed.remove("ops");
        Map<String, OperatorConfig.Key> replaced = configured();
        replaced.put("ops", key(ApiKeysHash.of("ops-key-the-next-one-0000000000000000"), Access.OPERATE));
        Map<String, OperatorConfig.Key> demoted = configured();
        demoted.put("ops", key(OPS_SHA256, Access.READ));

        assertThat(sessions(removed, SIGNED_IN).operator(OPS_TOKEN)).isEmpty();
        assertThat(sessions(replaced, SIGNED_IN).operator(OPS_TOKEN)).isEmpty();
        assertThat(sessions(demoted, SIGNED_IN).operator(OPS_TOKEN)).isEmpty();
    }

    @Test
    void anUnknownKeySignsNobodyIn() {
        assertThat(sessions(configured(), SIGNED_IN).signIn("ops-key-guessed")).isEmpty();
        assertThat(sessions(configured(), SIGNED_IN).signIn("")).isEmpty();
        assertThat(sessions(configured(), SIGNED_IN).signIn(null)).isEmpty();
    }

    @Test
    void withoutASecretNobodySignsInAndNoTokenIsAccepted() {
        ConsoleSessions off = new ConsoleSessions(Optional.empty(), Duration.ofHours(8), new ApiKeys(configured()),
                Clock.fixed(SIGNED_IN, ZoneOffset.UTC));

        assertThat(off.enabled()).isFalse();
        assertThat(off.signIn(OPS_KEY)).isEmpty();
        assertThat(off.operator(OPS_TOKEN)).isEmpty();
        assertThat(off.formTokenMatches(OPS_TOKEN, OPS_FORM_TOKEN)).isFalse();
    }

    @Test
    void aFormTokenMatchesOnlyItsOwnSession() {
        ConsoleSessions sessions = sessions(configured(), SIGNED_IN);
        String other = sessions.signIn(READ_KEY).orElseThrow().token();

        assertThat(sessions.formTokenMatches(OPS_TOKEN, OPS_FORM_TOKEN)).isTrue();
        assertThat(sessions.formTokenMatches(other, OPS_FORM_TOKEN)).isFalse();
        assertThat(sessions.formTokenMatches(OPS_TOKEN, null)).isFalse();
        assertThat(sessions.formTokenMatches(OPS_TOKEN, "")).isFalse();
    }

    /** The hex SHA-256 a key is configured by. */
    private static final class ApiKeysHash {

        static String of(String key) {
            return HexFormat.of().formatHex(ApiKeys.sha256(key));
        }
    }
}
