package io.herald.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.notifier.SendFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One delivery step of the outbox, the same for notifications and write-backs, on a kind kept in memory. */
class OutboxTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5), 3,
            Duration.ofHours(24), Duration.ofMinutes(2));

    private final JobKind kind = new JobKind(POLICY);
    private final Outbox<Job> outbox = new Outbox<>(kind, Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<Job> sent = new ArrayList<>();

    @Test
    void dueWorkIsClaimedWithALeaseAndSentOnce() {
        kind.store(Job.due("a", NOW));

        outbox.deliver("a", claimed -> {
            sent.add(claimed);
            kind.update(claimed.done());
        });
        outbox.deliver("a", sent::add);

        assertThat(sent).singleElement().satisfies(claimed -> {
            assertThat(claimed.state()).isEqualTo("SENDING");
            assertThat(claimed.attempts()).isEqualTo(1);
            assertThat(claimed.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        });
        assertThat(kind.stored.get("a").state()).isEqualTo("DONE");
    }

    @Test
    void workHeldByAnotherSenderIsLookedAtAgainWhenItsLeaseEnds() {
        kind.store(Job.due("a", NOW).claimed(NOW.plusSeconds(90), NOW));

        outbox.deliver("a", sent::add);

        assertThat(sent).isEmpty();
        assertThat(kind.wakes).containsExactly("a in PT1M30S");
    }

    @Test
    void workOutOfTurnIsLeftWaiting() {
        kind.store(Job.due("a", NOW));
        kind.inTurn = false;

        outbox.deliver("a", sent::add);

        assertThat(sent).isEmpty();
        assertThat(kind.stored.get("a").state()).isEqualTo("PENDING");
    }

    @Test
    void aRetryableFailureIsRetriedAfterTheRemoteSidesRetryAfter() {
        kind.store(Job.due("a", NOW));

        outbox.deliver("a", claimed -> {
            throw new SendFailure(true, 429, Duration.ofMinutes(10), "HTTP 429\nslow down");
        });

        Job stored = kind.stored.get("a");
        assertThat(stored.state()).isEqualTo("PENDING");
        assertThat(stored.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(stored.lastError()).isEqualTo("HTTP 429\nslow down");
        assertThat(kind.retries).containsExactly("a attempt 1 HTTP 429");
        assertThat(kind.wakes).containsExactly("a in PT10M");
        assertThat(kind.alerts).isEmpty();
    }

    @Test
    void aPermanentRefusalIsGivenUpAtOnceWithItsAlert() {
        kind.store(Job.due("a", NOW));

        outbox.deliver("a", claimed -> {
            throw new SendFailure(false, 400, null, "HTTP 400\nbad address");
        });

        Job stored = kind.stored.get("a");
        assertThat(stored.state()).isEqualTo("DEAD");
        assertThat(stored.owesAlert()).isFalse();
        assertThat(kind.deaths).containsExactly("a HTTP 400");
        assertThat(kind.alerts).containsExactly("a HTTP 400");
        assertThat(kind.retries).isEmpty();
    }

    @Test
    void workIsGivenUpAfterTheLastAllowedAttempt() {
        kind.store(Job.due("a", NOW));
        for (int attempt = 1; attempt <= 3; attempt++) {
            Job waiting = kind.stored.get("a");
            kind.stored.put("a", waiting.retryAt(NOW, waiting.lastError(), NOW));
            outbox.deliver("a", claimed -> {
                throw new SendFailure(true, 0, null, "no response: timeout");
            });
        }

        assertThat(kind.retries).containsExactly("a attempt 1 NO_RESPONSE", "a attempt 2 NO_RESPONSE");
        assertThat(kind.deaths).containsExactly("a NO_RESPONSE");
        assertThat(kind.alerts).containsExactly("a NO_RESPONSE");
    }

    @Test
    void aFaultOfHeraldsOwnCountsAsAFailedAttempt() {
        kind.store(Job.due("a", NOW));

        outbox.deliver("a", claimed -> {
            throw new IllegalStateException("template value missing");
        });

        Job stored = kind.stored.get("a");
        assertThat(stored.state()).isEqualTo("PENDING");
        assertThat(stored.attempts()).isEqualTo(1);
        assertThat(stored.lastError()).isEqualTo("IllegalStateException: template value missing");
        assertThat(kind.retries).containsExactly("a attempt 1 " + Outbox.INTERNAL_ERROR);
    }

    @Test
    void workThatOwesItsAlertHasTheAlertRaisedInsteadOfBeingSent() {
        Job claimed = Job.due("a", NOW).claimed(NOW.plusSeconds(120), NOW);
        kind.store(claimed.dead("HTTP 500", "HTTP 500\nboom", NOW));

        outbox.deliver("a", sent::add);
        outbox.deliver("a", sent::add);

        assertThat(sent).isEmpty();
        assertThat(kind.alerts).containsExactly("a HTTP 500");
    }

    @Test
    void anOutcomeFromAStaleCopyChangesNothing() {
        kind.store(Job.due("a", NOW));

        outbox.deliver("a", claimed -> {
            kind.update(claimed.done());
            throw new SendFailure(true, 503, null, "HTTP 503");
        });

        assertThat(kind.stored.get("a").state()).isEqualTo("DONE");
        assertThat(kind.retries).isEmpty();
        assertThat(kind.wakes).isEmpty();
    }
}
