package io.herald.writeback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.WriteBack;
import io.herald.intake.Hmac;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Serialises a write-back and signs it as senders sign events towards Herald: HMAC-SHA256 over
 * {@code <timestamp>.<body>} with the write-back secret. Each attempt is signed afresh, so a retry hours later is
 * not refused as a replay.
 */
@ApplicationScoped
public class WriteBackSigner {

    private final ObjectMapper json;
    private final Clock clock;
    private final String secret;

    public WriteBackSigner(ObjectMapper json, Clock clock, WriteBackConfig config) {
        this.json = json;
        this.clock = clock;
        this.secret = config.secret().orElseThrow().get();
    }

    public SignedWriteBack sign(WriteBack writeBack) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(WriteBackBody.of(writeBack));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("write-back " + writeBack.id() + " cannot be serialised", e);
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return new SignedWriteBack(writeBack.id(), timestamp, Hmac.signatureHeader(secret, timestamp, body), body);
    }
}
