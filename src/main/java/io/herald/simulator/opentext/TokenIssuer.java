package io.herald.simulator.opentext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Issues the simulator's access tokens and tells live ones from expired or revoked ones. */
@ApplicationScoped
class TokenIssuer {

    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiryByToken = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final Clock clock;
    private volatile Duration lifetime = DEFAULT_LIFETIME;

    @Inject
    TokenIssuer(Clock clock) {
        this.clock = clock;
    }

    /** A new token, live for {@link #lifetime()}. */
    String issue() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = "sim-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiryByToken.put(token, clock.instant().plus(lifetime));
        issued.incrementAndGet();
        return token;
    }

    boolean isLive(String token) {
        Instant expiry = expiryByToken.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    Duration lifetime() {
        return lifetime;
    }

    void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    int issuedCount() {
        return issued.get();
    }

    /** Every token issued so far stops working, as if the provider had rotated its keys. */
    void revokeAll() {
        expiryByToken.clear();
    }
}
