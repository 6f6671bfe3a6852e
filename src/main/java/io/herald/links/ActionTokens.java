package io.herald.links;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.restore.HoldsSecrets;
import io.herald.restore.SecretSettings;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies action tokens: {@code base64url(claims) "." base64url(HMAC-SHA256(key, base64url(claims)))}.
 * The claims name the key, so a rotated-out key's links fail cleanly instead of silently verifying against the
 * wrong key. Verification is constant-time and says only that a token is not genuine, never why the signature
 * differs.
 */
@ApplicationScoped
@HoldsSecrets
public class ActionTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MIN_SECRET_LENGTH = 32;

    private final ActionTokenConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    /** Key id to secret, for the keys that have one. */
    private final Map<String, String> secrets = new HashMap<>();

    @Inject
    ActionTokens(SecretSettings secrets, ObjectMapper json, Clock clock) {
        this(secrets.mapping(ActionTokenConfig.class), json, clock);
    }

    public ActionTokens(ActionTokenConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
        config.keys().forEach((id, key) -> key.secret().ifPresent(secret -> {
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException("action token key '" + id + "' is shorter than "
                        + MIN_SECRET_LENGTH + " characters");
            }
            secrets.put(id, secret);
        }));
        if (!secrets.containsKey(config.activeKey())) {
            throw new IllegalStateException("herald.callback.tokens.active-key names no configured key");
        }
    }

    /** The signed claims, as carried in a link. */
    @RegisterForReflection
    record Claims(@JsonProperty("jti") String id, @JsonProperty("kid") String keyId,
            @JsonProperty("task") String taskId, @JsonProperty("sub") String recipient,
            @JsonProperty("act") List<String> actions, @JsonProperty("exp") long expiresAt) {
    }

    public String issue(String taskId, String recipient, List<String> actions) {
        Instant expires = clock.instant().plus(config.lifetime());
        Claims claims = new Claims(UUID.randomUUID().toString(), config.activeKey(), taskId, recipient,
                List.copyOf(actions), expires.getEpochSecond());
        try {
            String payload = ENCODER.encodeToString(json.writeValueAsBytes(claims));
            return payload + "." + ENCODER.encodeToString(sign(config.activeKey(), payload));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws TokenRejected 401 when not genuine, 410 when expired */
    public ActionToken verify(String token) {
        if (token == null) {
            throw notGenuine();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw notGenuine();
        }
        String payload = token.substring(0, dot);
        Claims claims = read(payload);
        if (claims.keyId() == null || !secrets.containsKey(claims.keyId())) {
            throw notGenuine();
        }
        byte[] offered;
        try {
            offered = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw notGenuine();
        }
        if (!MessageDigest.isEqual(sign(claims.keyId(), payload), offered)) {
            throw notGenuine();
        }
        if (claims.id() == null || claims.taskId() == null || claims.recipient() == null || claims.actions() == null) {
            throw notGenuine();
        }
        Instant expires = Instant.ofEpochSecond(claims.expiresAt());
        if (!clock.instant().isBefore(expires)) {
            throw new TokenRejected(410, "this link has expired");
        }
        return new ActionToken(claims.id(), claims.keyId(), claims.taskId(), claims.recipient(), claims.actions(),
                expires);
    }

    private Claims read(String payload) {
        try {
            return json.readValue(DECODER.decode(payload), Claims.class);
        } catch (IOException | IllegalArgumentException e) {
            throw notGenuine();
        }
    }

    private byte[] sign(String keyId, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.get(keyId).getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static TokenRejected notGenuine() {
        return new TokenRejected(401, "this link is not valid");
    }
}
