package io.herald.access;

import io.herald.restore.HoldsSecrets;
import io.herald.restore.SecretSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Console sessions for browsers: a holder of an API key signs in once and is given a session token, which is not the
 * key, to keep in a cookie. A token is {@code base64url(payload) "." base64url(HMAC-SHA256(secret, payload "|"
 * hex SHA-256 of the key))} with payload {@code 1|<key name>|<access>|<expiry, epoch seconds>}. Because the key's
 * hash is signed but not carried, a token stops working as soon as its key is removed, replaced or given other
 * access, checked at every request, and reveals nothing of the key.
 */
@ApplicationScoped
@HoldsSecrets
public class ConsoleSessions {

    /** The cookie holding the token; sent back only to the console's own paths. */
    public static final String COOKIE = "herald-console";

    private static final String VERSION = "1";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final Optional<byte[]> secret;
    private final Duration lifetime;
    private final ApiKeys keys;
    private final Clock clock;

    @Inject
    public ConsoleSessions(SecretSettings settings, ApiKeys keys, Clock clock) {
        this(settings.mapping(ConsoleSessionConfig.class), keys, clock);
    }

    private ConsoleSessions(ConsoleSessionConfig config, ApiKeys keys, Clock clock) {
        this(config.secret().filter(value -> !value.isBlank()).map(value -> value.getBytes(StandardCharsets.UTF_8)),
                config.lifetime(), keys, clock);
    }

    ConsoleSessions(Optional<byte[]> secret, Duration lifetime, ApiKeys keys, Clock clock) {
        this.secret = secret;
        this.lifetime = lifetime;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * A signed-in session.
     *
     * @param token the cookie's value
     */
    public record Session(Operator operator, String token, Duration lifetime) {
    }

    /** Whether sessions can be signed here: a server or the cloud's console function with the secret set. */
    public boolean enabled() {
        return secret.isPresent();
    }

    /** A session for the holder of this API key, or empty when it is no configured key (or sessions are off). */
    public Optional<Session> signIn(String presentedKey) {
        if (secret.isEmpty() || presentedKey == null || presentedKey.isBlank()) {
            return Optional.empty();
        }
        return keys.find(presentedKey.trim()).map(key -> new Session(key.operator(),
                token(secret.get(), key, clock.instant().plus(lifetime).getEpochSecond()), lifetime));
    }

    /**
     * The operator a token stands for: empty when it is malformed, tampered with, expired, or its key is no longer
     * configured as it was when signing in.
     */
    public Optional<Operator> operator(String token) {
        if (secret.isEmpty() || token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int first = payload.indexOf('|');
        int last = payload.lastIndexOf('|');
        int middle = last < 0 ? -1 : payload.lastIndexOf('|', last - 1);
        if (first < 0 || middle <= first || !VERSION.equals(payload.substring(0, first))) {
            return Optional.empty();
        }
        String name = payload.substring(first + 1, middle);
        Optional<ApiKeys.Configured> key = keys.named(name);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        long expires;
        try {
            expires = Long.parseLong(payload.substring(last + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        byte[] expected = token(secret.get(), key.get(), expires).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII))
                || !Instant.ofEpochSecond(expires).isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(key.get().operator());
    }

    /**
     * What a form of the console posting with this session must carry: a value another site cannot know, so a
     * forged post is refused even by a browser that sends no {@code Sec-Fetch-Site}.
     */
    public String formToken(String token) {
        return BASE64.encodeToString(hmac(secret.orElseThrow(), "form|" + token));
    }

    /** Whether a posted form carries the form token of this session. */
    public boolean formTokenMatches(String token, String presented) {
        return secret.isPresent() && token != null && presented != null
                && MessageDigest.isEqual(formToken(token).getBytes(StandardCharsets.US_ASCII),
                        presented.getBytes(StandardCharsets.US_ASCII));
    }

    static String token(byte[] secret, ApiKeys.Configured key, long expires) {
        String payload = VERSION + "|" + key.name() + "|" + key.access().name().toLowerCase(Locale.ROOT) + "|"
                + expires;
        return BASE64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64.encodeToString(hmac(secret, payload + "|" + HexFormat.of().formatHex(key.sha256())));
    }

    private static byte[] hmac(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
