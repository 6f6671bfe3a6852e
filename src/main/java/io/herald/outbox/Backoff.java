package io.herald.outbox;

import io.herald.clock.RestoreSafeRandom;
import java.time.Duration;

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * {@code initial * 2^(n-1)}, capped. Jitter spreads retries of many pieces of work so that a recovering
 * remote side is not hit by all of them at once; its own {@code Retry-After} is honoured when longer.
 */
public final class Backoff {

    private Backoff() {
    }

    /**
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
