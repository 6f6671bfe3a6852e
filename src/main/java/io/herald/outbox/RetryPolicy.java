package io.herald.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long and how often the outbox keeps trying one kind of work.
 *
 * @param maxAttempts attempts before the work is given up, {@link Integer#MAX_VALUE} for no limit
 * @param giveUpAfter age (from being recorded) after which work that still fails is given up
 * @param lease how long a sender owns work it is sending; longer than any remote call may take
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts, Duration giveUpAfter,
        Duration lease) {

    /**
     * The wait before the next attempt: backoff with jitter, or the remote side's {@code Retry-After} when longer,
     * but never past the give-up time, so the attempt then is the last one.
     *
     * @param attempts attempts made so far, the failed one included
     * @param retryAfter the remote side's requested wait, or null
     * @return empty when the work is to be given up now
     */
    public Optional<Duration> nextDelay(int attempts, Instant createdAt, Duration retryAfter, Instant now) {
        Duration untilGiveUp = Duration.between(now, createdAt.plus(giveUpAfter));
        if (attempts >= maxAttempts || untilGiveUp.isNegative() || untilGiveUp.isZero()) {
            return Optional.empty();
        }
        Duration delay = Backoff.delay(initialBackoff, maxBackoff, attempts, retryAfter);
        return Optional.of(delay.compareTo(untilGiveUp) > 0 ? untilGiveUp : delay);
    }
}
