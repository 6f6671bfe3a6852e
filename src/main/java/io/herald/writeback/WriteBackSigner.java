package io.herald.writeback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.WriteBack;
import io.herald.restore.HoldsSecrets;
import io.herald.restore.SecretSettings;
import io.herald.signing.Hmac;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Serialises a write-back and signs it as senders sign events towards Herald: HMAC-SHA256 over
 * {@code <timestamp>.<body>} with the write-back secret, and during a rotation also with the previous one
 * ({@code sha256=<current>,sha256=<previous>}). Each attempt is signed afresh, so a retry hours later is not
 * refused as a replay.
 */
@ApplicationScoped
@HoldsSecrets
public class WriteBackSigner {

    private final ObjectMapper json;
    private final Clock clock;
    /** The current secret first, then the previous one while a rotation lasts. */
    private final List<String> secrets;

    @Inject
    WriteBackSigner(ObjectMapper json, Clock clock, SecretSettings secrets) {
        this(json, clock, secrets.mapping(WriteBackConfig.class));
    }

    public WriteBackSigner(ObjectMapper json, Clock clock, WriteBackConfig config) {
        this.json = json;
        this.clock = clock;
        List<String> secrets = new ArrayList<>(2);
        secrets.add(config.secret().orElseThrow().get());
        config.previousSecret().filter(previous -> !secrets.contains(previous))
                .ifPresent(secrets::add);
        this.secrets = List.copyOf(secrets);
    }

    public SignedWriteBack sign(WriteBack writeBack) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(WriteBackBody.of(writeBack));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("write-back " + writeBack.id() + " cannot be serialised", e);
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return new SignedWriteBack(writeBack.id(), timestamp, Hmac.signatureHeader(secrets, timestamp, body), body);
    }
}
