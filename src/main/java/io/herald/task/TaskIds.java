package io.herald.task;

import io.herald.domain.EventKey;
import io.herald.restore.HoldsSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A task's id comes from its event and rule, so routing an event again raises the same task, not a second. It is
 * an HMAC of that identity under a secret key, so nobody who knows an event can work out its task's id: ids
 * appear in links and pages, and must not be guessable from the event's source and id.
 *
 * <p>The id is shaped as an RFC 9562 version-8 UUID, 36 characters, as every store expects of an id.
 */
@ApplicationScoped
@HoldsSecrets
public class TaskIds {

    private final Optional<String> secret;

    public TaskIds(@ConfigProperty(name = "herald.tasks.id-secret") Optional<String> secret) {
        this.secret = secret;
    }

    public String of(EventKey event, String rule) {
        String identity = "task\u0000" + event.source() + '\u0000' + event.id() + '\u0000' + rule;
        ByteBuffer digest = ByteBuffer.wrap(hmac(identity));
        long high = (digest.getLong() & ~0xF000L) | 0x8000L;
        long low = (digest.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private byte[] hmac(String identity) {
        String key = secret.orElseThrow(() -> new IllegalStateException(
                "herald.tasks.id-secret (HERALD_TASK_ID_SECRET) is not set"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(identity.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
