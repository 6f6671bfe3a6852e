package io.herald.outbox;

import io.herald.domain.Deliverable;
import io.herald.notifier.SendFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Delivers stored work of one kind, the same way for notifications and write-backs. A delivery step is safe to run
 * any number of times for the same work, concurrently too: the work is claimed (a conditional update) before it is
 * sent, so one sender sends it; the claim is a lease, so a sender that dies mid-send does not strand it; and the
 * remote side sees the work's id as idempotency key, so a resend after such a death is applied once.
 *
 * <p>A failed attempt is retried with {@link Backoff} honouring {@code Retry-After} until the kind's
 * {@link RetryPolicy} gives up; a permanent refusal is given up at once. Work given up is written dead together
 * with the alert it owes, in one write, and the alert is raised next; a crash in between leaves the work due, and
 * the next delivery step raises the alert instead of sending. A fault of Herald's own while sending counts as a
 * failed attempt ({@value #INTERNAL_ERROR}), rather than leaving the work leased and failing on every redrive.
 */
public final class Outbox<T extends Deliverable<T>> {

    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    private static final Logger LOG = Logger.getLogger(Outbox.class);
    private static final int MAX_REASON = 4096;

    /** Sends claimed work and records its success itself; a refusal is thrown back to the outbox. */
    @FunctionalInterface
    public interface Attempt<T> {

        void send(T claimed) throws SendFailure;
    }

    private final OutboxKind<T> kind;
    private final Clock clock;

    public Outbox(OutboxKind<T> kind, Clock clock) {
        this.kind = kind;
        this.clock = clock;
    }

    /**
     * One delivery step: sends the work if it is due, in turn and nobody else holds it, otherwise arranges to be
     * woken when that may have changed; raises the alert of work given up whose alert is still owed.
     */
    public void deliver(String id, Attempt<T> attempt) {
        Optional<T> found = kind.find(id);
        if (found.isPresent() && found.get().owesAlert()) {
            kind.raiseOwed(found.get());
            return;
        }
        Optional<T> claimed = found.flatMap(this::claim);
        if (claimed.isEmpty()) {
            return;
        }
        T work = claimed.get();
        try {
            attempt.send(work);
        } catch (SendFailure failure) {
            failed(work, failure.status() == 0 ? "NO_RESPONSE" : "HTTP " + failure.status(), failure.response(),
                    failure.retryable(), failure.retryAfter());
        } catch (RuntimeException e) {
            LOG.errorf(e, "sending %s %s failed", kind.name(), work.id());
            try {
                failed(work, INTERNAL_ERROR, SendFailure.describe(e, MAX_REASON), true, null);
            } catch (RuntimeException again) {
                // The lease runs out and the sweep redrives the work; its attempt is already counted.
                LOG.errorf(again, "could not record the failed attempt of %s %s", kind.name(), work.id());
            }
        }
    }

    /**
     * Gives claimed work up: dead and owing its alert in one write, then the alert raised. Work changed meanwhile
     * by someone else is left as it is.
     */
    public void giveUp(T claimed, String errorCode, String reason) {
        Optional<T> dead = kind.update(claimed.dead(errorCode, reason, clock.instant()));
        if (dead.isEmpty()) {
            LOG.warnf("%s %s was changed while it was being sent", kind.name(), claimed.id());
            return;
        }
        kind.gaveUp(dead.get(), errorCode);
        kind.raiseOwed(dead.get());
    }

    /** Takes the work if it is due and nobody else holds it ({@link ClaimTiming}). */
    private Optional<T> claim(T work) {
        Instant now = clock.instant();
        ClaimTiming.Decision timing = ClaimTiming.decide(work.waiting(), work.leased(), work.nextAttemptAt(), now);
        if (!timing.claimNow()) {
            // Someone may hold it; look again when it falls due or the lease ends, in case the holder died.
            timing.lookAgainIn().ifPresent(wait -> kind.wake(work.id(), wait));
            return Optional.empty();
        }
        if (!kind.inTurn(work)) {
            return Optional.empty();
        }
        return kind.update(work.claimed(now.plus(kind.policy().lease()), now));
    }

    /** @param retryAfter the remote side's requested wait, or null */
    private void failed(T claimed, String errorCode, String reason, boolean retryable, Duration retryAfter) {
        Instant now = clock.instant();
        Optional<Duration> delay = retryable
                ? kind.policy().nextDelay(claimed.attempts(), claimed.createdAt(), retryAfter, now)
                : Optional.empty();
        if (delay.isEmpty()) {
            giveUp(claimed, errorCode, reason);
            return;
        }
        if (kind.update(claimed.retryAt(now.plus(delay.get()), reason, now)).isEmpty()) {
            LOG.warnf("%s %s was changed while it was being sent", kind.name(), claimed.id());
            return;
        }
        kind.retrying(claimed, errorCode, delay.get());
        kind.wake(claimed.id(), delay.get());
    }
}
