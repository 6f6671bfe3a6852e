package io.herald.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.links.ActionToken;
import io.herald.links.ActionTokenConfig;
import io.herald.links.ActionTokens;
import io.herald.links.TokenRejected;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final String OLD = "old-key-secret-0123456789abcdefghijklmnop";
    private static final String NEW = "new-key-secret-0123456789abcdefghijklmnop";

    @Test
    void issuedTokenVerifiesWithItsBindings() {
        ActionTokens tokens = tokens("k2", Map.of("k2", NEW), NOW);

        ActionToken token = tokens.verify(tokens.issue("task-1", "alice", List.of("approve", "reject")));

        assertThat(token.taskId()).isEqualTo("task-1");
        assertThat(token.recipient()).isEqualTo("alice");
        assertThat(token.allows("approve")).isTrue();
        assertThat(token.allows("comment")).isFalse();
        assertThat(token.keyId()).isEqualTo("k2");
        assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void everyIssuedTokenHasItsOwnId() {
        ActionTokens tokens = tokens("k2", Map.of("k2", NEW), NOW);

        String first = tokens.issue("task-1", "alice", List.of("approve"));
        String second = tokens.issue("task-1", "alice", List.of("approve"));

        assertThat(tokens.verify(first).id()).isNotEqualTo(tokens.verify(second).id());
    }

    @Test
    void changedClaimsAreNotGenuine() {
        ActionTokens tokens = tokens("k2", Map.of("k2", NEW), NOW);
        String token = tokens.issue("task-1", "alice", List.of("acknowledge"));
        String claims = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.replace("\"acknowledge\"", "\"approve\"").getBytes()) + token.substring(token.indexOf('.'));

        assertRejected(tokens, forged, 401);
    }

    @Test
    void changedSignatureIsNotGenuine() {
        ActionTokens tokens = tokens("k2", Map.of("k2", NEW), NOW);
        String token = tokens.issue("task-1", "alice", List.of("approve"));
        // a character inside the signature: the last one also carries unused padding bits
        int inside = token.indexOf('.') + 5;
        char changed = token.charAt(inside) == 'A' ? 'B' : 'A';

        assertRejected(tokens, token.substring(0, inside) + changed + token.substring(inside + 1), 401);
    }

    @Test
    void tokenOfAnotherInstallationIsNotGenuine() {
        String foreign = tokens("k2", Map.of("k2", OLD), NOW).issue("task-1", "alice", List.of("approve"));

        assertRejected(tokens("k2", Map.of("k2", NEW), NOW), foreign, 401);
    }

    @Test
    void expiredTokenIsGone() {
        String token = tokens("k2", Map.of("k2", NEW), NOW).issue("task-1", "alice", List.of("approve"));

        assertRejected(tokens("k2", Map.of("k2", NEW), NOW.plus(Duration.ofDays(7))), token, 410);
    }

    @Test
    void tokenSignedWithTheOlderKeyVerifiesUntilThatKeyIsRetired() {
        String signedBefore = tokens("k1", Map.of("k1", OLD), NOW).issue("task-1", "alice", List.of("approve"));

        assertThat(tokens("k2", Map.of("k1", OLD, "k2", NEW), NOW).verify(signedBefore).keyId()).isEqualTo("k1");
        assertRejected(tokens("k2", Map.of("k2", NEW), NOW), signedBefore, 401);
    }

    @Test
    void garbageIsNotGenuine() {
        ActionTokens tokens = tokens("k2", Map.of("k2", NEW), NOW);
        for (String garbage : new String[] {"", "abc", "a.b.c", "%%%.%%%", "e30.e30"}) {
            assertRejected(tokens, garbage, 401);
        }
    }

    @Test
    void shortKeysAreRefusedAtStartup() {
        assertThatThrownBy(() -> tokens("k1", Map.of("k1", "tiny-secret"), NOW))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("tiny-secret");
    }

    private static void assertRejected(ActionTokens tokens, String token, int status) {
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(TokenRejected.class)
                .satisfies(e -> assertThat(((TokenRejected) e).status()).isEqualTo(status));
    }

    private static ActionTokens tokens(String active, Map<String, String> secrets, Instant now) {
        ActionTokenConfig config = new ActionTokenConfig() {
            @Override
            public String activeKey() {
                return active;
            }

            @Override
            public Map<String, Key> keys() {
                Map<String, Key> keys = new java.util.HashMap<>();
                secrets.forEach((id, secret) -> keys.put(id, () -> java.util.Optional.of(secret)));
                return keys;
            }

            @Override
            public Duration lifetime() {
                return Duration.ofDays(7);
            }
        };
        return new ActionTokens(config, new ObjectMapper(), Clock.fixed(now, ZoneOffset.UTC));
    }
}
