package io.herald.intake;

import io.herald.http.HttpRequest;
import io.herald.http.ProblemException;
import io.herald.intake.IntakeConfig.Sender;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks that a request comes from a known sender, unaltered and recently. Refusals are 401 problems that say
 * which part is missing or stale, but never whether a sender exists or what signature was expected.
 */
@ApplicationScoped
public class SenderVerifier {

    private final IntakeConfig config;
    private final Clock clock;

    public SenderVerifier(IntakeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** @return the verified sender id */
    public String verify(HttpRequest request) {
        String senderId = required(request, SignedRequest.SENDER);
        Sender sender = config.senders().get(senderId);
        List<String> secrets = new ArrayList<>(2);
        if (sender != null) {
            sender.secret().ifPresent(secrets::add);
            sender.previousSecret().ifPresent(secrets::add);
        }
        verify(request, secrets);
        return senderId;
    }

    /**
     * Checks a request signed the same way with one of the given secrets (for a caller with its own secret, such
     * as OpenText Notifications' status webhook).
     */
    public void verify(HttpRequest request, List<String> secrets) {
        String timestamp = request.header(SignedRequest.TIMESTAMP);
        checkFreshness(timestamp);
        String signatures = required(request, SignedRequest.SIGNATURE);
        if (secrets.isEmpty() || !matches(secrets, timestamp, request.body(), signatures)) {
            throw unauthorized("the signature does not verify for this sender and body");
        }
    }

    /**
     * Compares whole seconds rather than building an {@link java.time.Instant}: a timestamp far outside the
     * instant range would otherwise fail as a server error instead of a refusal.
     */
    private void checkFreshness(String timestamp) {
        long window = config.replayWindow().toSeconds();
        long now = clock.instant().getEpochSecond();
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp.trim());
        } catch (NumberFormatException e) {
            throw unauthorized(timestampRule(window));
        }
        if (seconds < now - window || seconds > now + window) {
            throw unauthorized(timestampRule(window));
        }
    }

    private static String timestampRule(long windowSeconds) {
        return SignedRequest.TIMESTAMP + " must be Unix time in seconds within the " + windowSeconds
                + " s replay window; sign each request with the current time";
    }

    private static boolean matches(List<String> secrets, String timestamp, byte[] body, String header) {
        boolean match = false;
        for (String offered : header.split(",")) {
            byte[] candidate = decode(offered.trim());
            for (String secret : secrets) {
                // isEqual runs in constant time for equal-length inputs; keep looping so timing reveals nothing.
                match |= candidate != null && MessageDigest.isEqual(Hmac.sign(secret, timestamp, body), candidate);
            }
        }
        return match;
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

    private static String required(HttpRequest request, String header) {
        String value = request.header(header);
        if (value == null || value.isBlank()) {
            throw unauthorized("the " + header + " header is missing");
        }
        return value;
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail);
    }
}
