package io.herald.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one claim rule of notifications and write-backs. */
class ClaimTimingTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void pendingWorkIsClaimedWhenDueOrAFewMillisecondsBefore() {
        assertThat(ClaimTiming.decide(true, false, NOW.minusSeconds(1), NOW).claimNow()).isTrue();
        assertThat(ClaimTiming.decide(true, false, NOW.plusMillis(50), NOW).claimNow()).isTrue();

        ClaimTiming.Decision early = ClaimTiming.decide(true, false, NOW.plusMillis(51), NOW);
        assertThat(early.claimNow()).isFalse();
        assertThat(early.lookAgainIn()).contains(Duration.ofMillis(51));
    }

    @Test
    void sendingWorkIsClaimedOnlyOnceItsLeaseEnded() {
        assertThat(ClaimTiming.decide(false, true, NOW, NOW).claimNow()).isTrue();

        ClaimTiming.Decision held = ClaimTiming.decide(false, true, NOW.plusSeconds(30), NOW);
        assertThat(held.claimNow()).isFalse();
        assertThat(held.lookAgainIn()).contains(Duration.ofSeconds(30));
    }

    @Test
    void finishedWorkIsNeverClaimedNorLookedAtAgain() {
        ClaimTiming.Decision finished = ClaimTiming.decide(false, false, NOW.minusSeconds(1), NOW);

        assertThat(finished.claimNow()).isFalse();
        assertThat(finished.lookAgainIn()).isEmpty();
    }
}
