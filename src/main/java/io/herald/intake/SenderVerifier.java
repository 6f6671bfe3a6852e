package io.herald.intake;

import io.herald.http.HttpRequest;
import io.herald.http.ProblemException;
import io.herald.intake.IntakeConfig.Sender;
import io.herald.restore.HoldsSecrets;
import io.herald.restore.SecretSettings;
import io.herald.signing.Hmac;
import io.herald.signing.OfferedSignatures;
import io.herald.signing.SignatureBase;
import io.herald.signing.SignedRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a request comes from a known sender, unaltered and recently. Refusals are 401 problems that say
 * which part is missing or stale, but never whether a sender exists or what signature was expected. The work a
 * request can cause is bounded before anything is hashed: at most {@link OfferedSignatures#MAX} signatures, a
 * body no larger than a valid request's ({@code 413} otherwise), and one HMAC per secret of the sender.
 */
@ApplicationScoped
@HoldsSecrets
public class SenderVerifier {

    private static final String BODY_MISMATCH = "the signature does not verify for this sender and body";
    private static final String BINARY_MISMATCH = "the signature does not verify for this sender, attributes and "
            + "body: in binary mode it covers the Content-Type and every ce- header as well as the body "
            + "(README, Sending events)";

    private final IntakeConfig config;
    private final Clock clock;

    @Inject
    SenderVerifier(SecretSettings secrets, Clock clock) {
        this(secrets.mapping(IntakeConfig.class), clock);
    }

    public SenderVerifier(IntakeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Checks an event request: structured and batch requests sign their body, binary requests their
     * {@code Content-Type}, {@code ce-} headers and body ({@link SignatureBase}).
     *
     * @return the verified sender id
     */
    public String verify(HttpRequest request) {
        String senderId = required(request, SignedRequest.SENDER);
        Sender sender = config.senders().get(senderId);
        List<String> secrets = new ArrayList<>(2);
        if (sender != null) {
            sender.secret().ifPresent(secrets::add);
            sender.previousSecret().ifPresent(secrets::add);
        }
        String timestamp = fresh(request);
        OfferedSignatures offered = OfferedSignatures.parse(required(request, SignedRequest.SIGNATURE));
        BodyLimit.check(config, request);
        SignatureBase base = SignatureBase.of(request, timestamp,
                CloudEventReader.carriesEventsInBody(request.mediaType()));
        if (!matches(secrets, base, offered)) {
            throw unauthorized(base.binary() ? BINARY_MISMATCH : BODY_MISMATCH);
        }
        return senderId;
    }

    /**
     * Checks a request signed over its timestamp and body with one of the given secrets (for a caller with its
     * own secret, such as OpenText Notifications' status webhook).
     */
    public void verify(HttpRequest request, List<String> secrets) {
        String timestamp = fresh(request);
        OfferedSignatures offered = OfferedSignatures.parse(required(request, SignedRequest.SIGNATURE));
        if (!matches(secrets, SignatureBase.ofBody(timestamp, request.body()), offered)) {
            throw unauthorized(BODY_MISMATCH);
        }
    }

    /** One HMAC per secret, however many signatures are offered; none when no offered one is well formed. */
    private static boolean matches(List<String> secrets, SignatureBase base, OfferedSignatures offered) {
        if (offered.isEmpty()) {
            return false;
        }
        boolean match = false;
        for (String secret : secrets) {
            match |= offered.contains(Hmac.sign(secret, base));
        }
        return match;
    }

    private String fresh(HttpRequest request) {
        String timestamp = request.header(SignedRequest.TIMESTAMP);
        checkFreshness(timestamp);
        return timestamp;
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
