package io.herald.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a notification or a write-back may be claimed, the one rule both deliveries follow: a PENDING one once its
 * next attempt is due, a SENDING one once its lease has ended (its holder died), a finished one never. A queue
 * timer may fire a little early; a message up to {@link #EARLY_TOLERANCE} before the due time counts as due rather
 * than being bounced.
 */
public final class ClaimTiming {

    static final Duration EARLY_TOLERANCE = Duration.ofMillis(50);

    private ClaimTiming() {
    }

    /**
     * @param lookAgainIn when not to claim now: how long until the piece of work may be claimed (its due time, or
     *        the end of the lease someone holds); empty when it never will be
     */
    public record Decision(boolean claimNow, Optional<Duration> lookAgainIn) {

        static final Decision CLAIM = new Decision(true, Optional.empty());
        static final Decision NEVER = new Decision(false, Optional.empty());

        static Decision wait(Duration duration) {
            return new Decision(false, Optional.of(duration));
        }
    }

    /** @param nextAttemptAt for PENDING the earliest next attempt, for SENDING the end of the lease */
    public static Decision decide(boolean pending, boolean sending, Instant nextAttemptAt, Instant now) {
        if (pending) {
            Duration wait = Duration.between(now, nextAttemptAt);
            return wait.compareTo(EARLY_TOLERANCE) > 0 ? Decision.wait(wait) : Decision.CLAIM;
        }
        if (sending) {
            return nextAttemptAt.isAfter(now) ? Decision.wait(Duration.between(now, nextAttemptAt)) : Decision.CLAIM;
        }
        return Decision.NEVER;
    }
}
