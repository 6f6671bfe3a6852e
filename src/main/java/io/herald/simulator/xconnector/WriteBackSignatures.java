package io.herald.simulator.xconnector;

import io.herald.signing.Hmac;
import io.herald.signing.SignedRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a write-back's signature as xConnector is expected to: {@code X-Herald-Signature} must be
 * {@code sha256=} + hex HMAC-SHA256 of {@code <X-Herald-Timestamp>.<raw body>} with the shared write-back secret,
 * and the timestamp within five minutes of now, so a captured call cannot be replayed later. The header may list
 * several comma-separated signatures (Herald signs with the current and the previous secret during a rotation);
 * one that verifies is enough.
 */
@ApplicationScoped
class WriteBackSignatures {

    static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    private final String secret;
    private final Clock clock;

    /** The secret is set in local mode only, the one mode that serves the simulator. */
    WriteBackSignatures(@ConfigProperty(name = "herald.simulators.xconnector.writeback-secret") Optional<String> secret,
            Clock clock) {
        this.secret = secret.orElse("");
        this.clock = clock;
    }

    /** @return why the call is refused, or empty when it verifies; never names the expected signature */
    Optional<String> problem(String timestamp, String signatures, byte[] body) {
        if (timestamp == null || timestamp.isBlank() || signatures == null || signatures.isBlank()) {
            return Optional.of(SignedRequest.TIMESTAMP + " and " + SignedRequest.SIGNATURE + " are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Optional.of(SignedRequest.TIMESTAMP + " must be Unix time in seconds");
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs().compareTo(REPLAY_WINDOW) > 0) {
            return Optional.of("the timestamp is outside the replay window");
        }
        byte[] expected = Hmac.sign(secret, timestamp, body);
        boolean match = false;
        for (String offered : signatures.split(",")) {
            byte[] candidate = decode(offered.trim());
            // isEqual runs in constant time for equal-length inputs; keep looping so timing reveals nothing.
            match |= candidate != null && MessageDigest.isEqual(expected, candidate);
        }
        return match ? Optional.empty() : Optional.of("the signature does not verify for this body");
    }

    private static byte[] decode(String offered) {
        if (!offered.startsWith(SignedRequest.SCHEME)) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(offered.substring(SignedRequest.SCHEME.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
