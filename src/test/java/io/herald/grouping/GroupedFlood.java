package io.herald.grouping;

import static io.herald.grouping.RecordFailures.announcement;
import static io.herald.grouping.RecordFailures.announcementsUpTo;
import static io.herald.grouping.RecordFailures.emailSubject;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.slasweep.SlaSweep;
import io.herald.support.Herald;
import io.herald.support.TestClock;
import java.time.Instant;
import java.util.UUID;

/**
 * A flood of record failures through a running Herald, for the tests that run it on each kind of store: one
 * announcement per person and channel once the wait is over, one update once the interval is.
 */
public final class GroupedFlood {

    private static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");

    private GroupedFlood() {
    }

    /** Needs the application on a {@link TestClock}; sweeps explicitly, so every message is one of its making. */
    public static void isAnnouncedOnceThenUpdatedOnce(TestClock clock, SlaSweep sweep) {
        String system = "Store " + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 20; i++) {
            clock.set(T0.plusSeconds(i));
            RecordFailures.post(RecordFailures.failure(system, i), clock.instant());
        }
        sweepAt(clock, sweep, T0.plusSeconds(59));
        assertThat(announcementsUpTo(system, 2)).as("nothing before the wait is over").isZero();

        sweepAt(clock, sweep, T0.plusSeconds(60));
        assertThat(announcement(system, 1)).hasSize(4);
        assertThat(emailSubject(announcement(system, 1))).isEqualTo("[Integration failures] 20 in " + system
                + " / EDI-422");

        for (int i = 20; i < 22; i++) {
            clock.set(T0.plusSeconds(70 + i));
            RecordFailures.post(RecordFailures.failure(system, i), clock.instant());
        }
        sweepAt(clock, sweep, T0.plusSeconds(359));
        assertThat(announcementsUpTo(system, 2)).as("no update before the interval").isEqualTo(4);
        sweepAt(clock, sweep, T0.plusSeconds(360));
        assertThat(emailSubject(announcement(system, 2))).isEqualTo("[Integration failures, update] 22 in " + system
                + " / EDI-422 (2 new)");
        assertThat(announcementsUpTo(system, 3)).isEqualTo(8);
    }

    private static void sweepAt(TestClock clock, SlaSweep sweep, Instant at) {
        clock.set(at);
        sweep.sweep();
        Herald.awaitIdle();
    }
}
