package io.herald.work;

import io.herald.clock.RestoreSafeRandom;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * {@code initial * 2^(n-1)}, capped. Jitter spreads retries of many notifications so that a recovering
 * provider is not hit by all of them at once; a provider's own {@code Retry-After} is honoured when longer.
 */
@ApplicationScoped
public class Backoff {

    private final DispatchConfig config;

    public Backoff(DispatchConfig config) {
        this.config = config;
    }

    /**
     * @param attempt the attempt that just failed, from 1
     * @param retryAfter the provider's requested wait, or null
     */
    public Duration delay(int attempt, Duration retryAfter) {
        return delay(config.initialBackoff(), config.maxBackoff(), attempt, retryAfter);
    }

    /**
     * The same schedule for other callers with their own bounds (write-backs to xConnector).
     *
     * @param attempt the attempt that just failed, from 1
     * @param retryAfter the remote side's requested wait, or null
     */
    public static Duration delay(Duration initial, Duration max, int attempt, Duration retryAfter) {
        long ceiling = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        ceiling = Math.min(ceiling, max.toMillis());
        long half = ceiling / 2;
        Duration jittered = Duration.ofMillis(half + RestoreSafeRandom.current().nextLong(half + 1));
        return retryAfter != null && retryAfter.compareTo(jittered) > 0 ? retryAfter : jittered;
    }
}
