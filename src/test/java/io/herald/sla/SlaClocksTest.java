package io.herald.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.domain.SlaClock;
import io.herald.domain.SlaClockState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaClocksTest {

    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

    private static SlaClock started() {
        return SlaClocks.start(TestPolicies.fourHours(), Duration.ofHours(4), List.of("dave"), T0);
    }

    @Test
    void aStartedClockIsDueAtItsTargetAndChecksAtItsFirstWarning() {
        SlaClock clock = started();

        assertThat(clock.state()).isEqualTo(SlaClockState.RUNNING);
        assertThat(clock.dueAt()).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(clock.nextCheckAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(clock.fired()).isZero();
    }

    @Test
    void nothingIsDueBeforeTheFirstCheckpoint() {
        assertThat(SlaClocks.latestDue(started(), T0.plus(Duration.ofMinutes(119)))).isEmpty();
    }

    @Test
    void theLatestDueCheckpointStandsForTheMissedOnes() {
        SlaClock clock = started();
        Instant later = T0.plus(Duration.ofHours(5)).plusSeconds(60);

        Checkpoint latest = SlaClocks.latestDue(clock, later).orElseThrow();
        SlaClock claimed = SlaClocks.claimed(clock, latest, later, later.plusSeconds(120));

        assertThat(latest.label()).isEqualTo("tier-2");
        assertThat(claimed.fired()).isEqualTo(8);
        assertThat(claimed.firing()).isEqualTo(7);
        assertThat(claimed.skipped()).isEqualTo(7);
        assertThat(claimed.nextCheckAt()).isEqualTo(later.plusSeconds(120));
    }

    @Test
    void aCompletedCheckpointSchedulesTheNextOne() {
        SlaClock clock = started();
        Instant at = T0.plus(Duration.ofHours(2));
        SlaClock claimed = SlaClocks.claimed(clock, SlaClocks.latestDue(clock, at).orElseThrow(), at,
                at.plusSeconds(120));

        SlaClock completed = SlaClocks.completed(claimed);

        assertThat(completed.firing()).isNull();
        assertThat(completed.nextCheckAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
    }

    @Test
    void pausingStopsTimeAndResumingMovesTheDeadlineByThePause() {
        SlaClock paused = SlaClocks.paused(started(), T0.plus(Duration.ofHours(1)));

        assertThat(paused.state()).isEqualTo(SlaClockState.PAUSED);
        assertThat(paused.nextCheckAt()).isNull();
        assertThat(paused.dueAt()).isNull();
        assertThat(SlaClocks.elapsed(paused, T0.plus(Duration.ofDays(3)))).isEqualTo(Duration.ofHours(1));
        assertThat(SlaClocks.latestDue(paused, T0.plus(Duration.ofDays(3)))).isEmpty();

        SlaClock resumed = SlaClocks.resumed(paused, T0.plus(Duration.ofHours(25)));

        assertThat(resumed.state()).isEqualTo(SlaClockState.RUNNING);
        assertThat(resumed.dueAt()).isEqualTo(T0.plus(Duration.ofHours(28)));
        assertThat(resumed.nextCheckAt()).isEqualTo(T0.plus(Duration.ofHours(26)));
    }

    @Test
    void pausingTwiceOrResumingARunningClockChangesNothing() {
        SlaClock paused = SlaClocks.paused(started(), T0.plusSeconds(60));

        assertThat(SlaClocks.paused(paused, T0.plusSeconds(600))).isEqualTo(paused);
        assertThat(SlaClocks.resumed(started(), T0.plusSeconds(600))).isEqualTo(started());
    }

    @Test
    void aStoppedClockKeepsItsDeadlineAndFiresNothing() {
        SlaClock stopped = started().stopped();

        assertThat(stopped.state()).isEqualTo(SlaClockState.STOPPED);
        assertThat(stopped.dueAt()).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(stopped.nextCheckAt()).isNull();
        assertThat(SlaClocks.latestDue(stopped, T0.plus(Duration.ofDays(1)))).isEmpty();
    }
}
