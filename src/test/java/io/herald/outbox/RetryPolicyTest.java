package io.herald.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** When the outbox tries again, and when it gives up. */
class RetryPolicyTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5), 30,
            Duration.ofHours(24), Duration.ofMinutes(2));

    @RepeatedTest(20)
    void attemptNWaitsBetweenHalfAndAllOfTheDoubledBackoff() {
        Duration third = POLICY.nextDelay(3, CREATED, null, CREATED.plusSeconds(10)).orElseThrow();

        assertThat(third).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @RepeatedTest(20)
    void theBackoffIsCapped() {
        Duration late = POLICY.nextDelay(25, CREATED, null, CREATED.plusSeconds(10)).orElseThrow();

        assertThat(late).isBetween(Duration.ofSeconds(150), Duration.ofMinutes(5));
    }

    @Test
    void aLongerRetryAfterIsHonoured() {
        assertThat(POLICY.nextDelay(1, CREATED, Duration.ofMinutes(7), CREATED)).contains(Duration.ofMinutes(7));
    }

    @Test
    void noRetryIsPlannedPastTheGiveUpTime() {
        Instant now = CREATED.plus(Duration.ofHours(24)).minusSeconds(30);

        assertThat(POLICY.nextDelay(2, CREATED, Duration.ofHours(1), now)).contains(Duration.ofSeconds(30));
    }

    @Test
    void workIsGivenUpAtItsLastAttemptOrOnceItIsTooOld() {
        assertThat(POLICY.nextDelay(30, CREATED, null, CREATED.plusSeconds(10))).isEmpty();
        assertThat(POLICY.nextDelay(2, CREATED, null, CREATED.plus(Duration.ofHours(24)))).isEmpty();
        assertThat(POLICY.nextDelay(29, CREATED, null, CREATED.plusSeconds(10))).isPresent();
    }
}
