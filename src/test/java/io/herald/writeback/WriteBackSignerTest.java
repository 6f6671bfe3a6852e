package io.herald.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.EntityRef;
import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import io.smallrye.config.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Write-backs are signed with the write-back secret, and during a rotation with the previous secret too. The
 * expected signatures were computed apart from Herald:
 * {@code printf '%s' "1767225600.<body>" | openssl dgst -sha256 -hmac <secret>}.
 */
class WriteBackSignerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String BODY = "{\"id\":\"wb-1\",\"kind\":\"response\",\"targetSystem\":\"s4-purchasing\","
            + "\"entityType\":\"purchase-order\",\"entityId\":\"PO-4711\",\"action\":\"approve\",\"actor\":\"alice\","
            + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"correlation\":{\"eventSource\":\"/xconnector/erp/s4-purchasing\","
            + "\"eventId\":\"po-4711-1\",\"taskId\":\"task-1\"}}";
    private static final String WITH_CURRENT =
            "sha256=5311dfe145b7cea701fa7fd0dfc08064eaa77917610b5ac3f4f8bd77e399e375";
    private static final String WITH_PREVIOUS =
            "sha256=0b59027313ea27af00eea63b53931f00aab699c0a3829e208663d9e3934fc102";

    @Test
    void aWriteBackIsSignedWithTheWriteBackSecret() {
        SignedWriteBack signed = signer("current-writeback-secret", null).sign(writeBack());

        assertThat(new String(signed.body(), StandardCharsets.UTF_8)).isEqualTo(BODY);
        assertThat(signed.timestamp()).isEqualTo("1767225600");
        assertThat(signed.signature()).isEqualTo(WITH_CURRENT);
        assertThat(signed.idempotencyKey()).isEqualTo("wb-1");
    }

    @Test
    void duringARotationAWriteBackCarriesASignatureWithTheCurrentAndThePreviousSecret() {
        SignedWriteBack signed = signer("current-writeback-secret", "previous-writeback-secret").sign(writeBack());

        assertThat(new String(signed.body(), StandardCharsets.UTF_8)).isEqualTo(BODY);
        assertThat(signed.signature()).isEqualTo(WITH_CURRENT + "," + WITH_PREVIOUS);
    }

    @Test
    void aPreviousSecretEqualToTheCurrentOneAddsNoSecondSignature() {
        SignedWriteBack signed = signer("current-writeback-secret", "current-writeback-secret").sign(writeBack());

        assertThat(signed.signature()).isEqualTo(WITH_CURRENT);
    }

    private static WriteBackSigner signer(String secret, String previous) {
        return new WriteBackSigner(new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC),
                new Secrets(secret, previous));
    }

    private static WriteBack writeBack() {
        return new WriteBack("wb-1", "task-1", "/xconnector/erp/s4-purchasing", "po-4711-1",
                new EntityRef("s4-purchasing", "purchase-order", "PO-4711"), "response", "approve", "alice", null,
                NOW, WriteBackStatus.PENDING, 0, NOW, null, NOW, NOW, 0);
    }

    /** Only the secrets matter to signing. */
    private record Secrets(String current, String previous) implements WriteBackConfig {

        @Override
        public String url() {
            return "http://xconnector.invalid/writebacks";
        }

        @Override
        public Optional<Secret<String>> secret() {
            return Optional.of(() -> current);
        }

        @Override
        public Optional<String> previousSecret() {
            return Optional.ofNullable(previous);
        }

        @Override
        public Duration connectTimeout() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration readTimeout() {
            return Duration.ofSeconds(15);
        }

        @Override
        public Duration initialBackoff() {
            return Duration.ofSeconds(2);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofMinutes(5);
        }

        @Override
        public Duration giveUpAfter() {
            return Duration.ofHours(24);
        }

        @Override
        public Duration lease() {
            return Duration.ofMinutes(2);
        }
    }
}
