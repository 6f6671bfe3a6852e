package io.herald.notifier.opentext;

import io.herald.notifier.SendFailure;
import io.herald.restore.HoldsSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Caches the OpenText access token. A token is reused until {@code herald.opentext.token-refresh-skew} before it
 * expires, so no call goes out with a token about to lapse. Fetching is single-flight: concurrent callers that find
 * no usable token wait for one fetch instead of each starting their own. A token is a credential got with the
 * client secret: a process restored from a snapshot fetches its own with the secret as it is then.
 */
@ApplicationScoped
@HoldsSecrets
public class OpenTextTokens {

    private final TokenSource source;
    private final Duration skew;
    private final Clock clock;

    /** Guarded by {@code this}. */
    private CachedToken cached;

    @Inject
    OpenTextTokens(TokenSource source, OpenTextConfig config, Clock clock) {
        this(source, config.tokenRefreshSkew(), clock);
    }

    OpenTextTokens(TokenSource source, Duration skew, Clock clock) {
        this.source = source;
        this.skew = skew;
        this.clock = clock;
    }

    /** A token good for at least the refresh skew, fetched only when the cached one is missing or due. */
    public synchronized String token() throws SendFailure {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cached.refreshAt())) {
            IssuedToken issued = source.fetch();
            cached = new CachedToken(issued.value(), now.plus(usableFor(issued.lifetime())));
        }
        return cached.value();
    }

    /**
     * Forgets {@code token} after the provider refused it. A token fetched meanwhile by another caller is kept,
     * so a burst of 401s for the same stale token leads to one refresh, not one per caller.
     */
    public synchronized void invalidate(String token) {
        if (cached != null && cached.value().equals(token)) {
            cached = null;
        }
    }

    /**
     * Lifetime minus skew; when the provider grants less than the skew, half the lifetime, so short-lived tokens
     * are still reused a little rather than fetched for every call.
     */
    private Duration usableFor(Duration lifetime) {
        Duration usable = lifetime.minus(skew);
        return usable.isNegative() || usable.isZero() ? lifetime.dividedBy(2) : usable;
    }

    private record CachedToken(String value, Instant refreshAt) {

        @Override
        public String toString() {
            return "CachedToken[refreshAt=" + refreshAt + "]";
        }
    }
}
