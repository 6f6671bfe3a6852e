package io.herald.writeback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.Secret;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Where xConnector takes write-backs, how Herald signs them and how long it keeps trying. Every key can be set from
 * the environment, e.g. {@code HERALD_WRITEBACK_URL} or {@code HERALD_WRITEBACK_SECRET}.
 */
@ConfigMapping(prefix = "herald.writeback")
public interface WriteBackConfig {

    /** The endpoint write-backs are posted to (the whole URL, not a base). */
    String url();

    /**
     * HMAC-SHA256 key of {@code X-Herald-Signature}; a {@link Secret} so it never shows in config dumps. Absent only
     * in functions that send no write-backs; production start-up refuses to run the writeback function without it.
     */
    Optional<Secret<String>> secret();

    /**
     * The secret {@link #secret()} replaces, set only during a rotation: while it is, every write-back carries a
     * signature with each secret, so xConnector may switch to the new one at any moment. Never logged. (A plain
     * string: SmallRye Config yields a present {@code Optional<Secret>} holding null when the key is unset.)
     */
    Optional<String> previousSecret();

    @WithDefault("PT5S")
    Duration connectTimeout();

    /** How long to wait for xConnector's answer once connected; keep it well below {@link #lease()}. */
    @WithDefault("PT15S")
    Duration readTimeout();

    /** Wait before the first retry; each further retry waits up to twice as long (with jitter). */
    @WithDefault("PT2S")
    Duration initialBackoff();

    @WithDefault("PT5M")
    Duration maxBackoff();

    /** Age (from being recorded) after which a write-back that still fails is given up and alerted. */
    @WithDefault("PT24H")
    Duration giveUpAfter();

    /** How long a writer owns a write-back it is sending; longer than any xConnector call may take. */
    @WithDefault("PT2M")
    Duration lease();
}
