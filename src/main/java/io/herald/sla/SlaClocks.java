package io.herald.sla;

import io.herald.domain.SlaClock;
import io.herald.domain.SlaClockState;
import io.herald.domain.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What happens to an SLA clock over time: started when its task is raised, paused and resumed by source events,
 * and advanced checkpoint by checkpoint by the sweep. Every method returns a new clock; callers store it with
 * the task in one conditional update, which is what makes each change happen once.
 */
public final class SlaClocks {

    private SlaClocks() {
    }

    /** A running clock whose deadline is {@code target} of SLA time from {@code now}. */
    public static SlaClock start(SlaPolicy policy, Duration target, List<String> owners, Instant now) {
        SlaClock started = new SlaClock(policy, owners, target, now, SlaClockState.RUNNING, Duration.ZERO, now, 0,
                null, 0, null, null, null);
        return scheduled(started);
    }

    /** SLA time passed by {@code now}. */
    public static Duration elapsed(SlaClock clock, Instant now) {
        if (clock.state() != SlaClockState.RUNNING) {
            return clock.accrued();
        }
        return clock.accrued().plus(BusinessTime.between(clock.policy().calendar(), clock.runningSince(), now));
    }

    /** The moment a running clock reaches {@code slaTime}; the past if it has already. */
    public static Instant when(SlaClock clock, Duration slaTime) {
        Duration ahead = slaTime.minus(clock.accrued());
        return BusinessTime.plus(clock.policy().calendar(), clock.runningSince(),
                ahead.isNegative() ? Duration.ZERO : ahead);
    }

    public static List<Checkpoint> checkpoints(SlaClock clock) {
        return Checkpoints.of(clock.policy(), clock.target());
    }

    /** The latest checkpoint due by {@code now} that has not fired, if any; earlier unfired ones it collapses. */
    public static Optional<Checkpoint> latestDue(SlaClock clock, Instant now) {
        if (clock.state() != SlaClockState.RUNNING) {
            return Optional.empty();
        }
        Duration elapsed = elapsed(clock, now);
        List<Checkpoint> all = checkpoints(clock);
        Checkpoint latest = null;
        for (int i = clock.fired(); i < all.size() && all.get(i).at().compareTo(elapsed) <= 0; i++) {
            latest = all.get(i);
        }
        return Optional.ofNullable(latest);
    }

    /**
     * The clock with {@code checkpoint} claimed: it and every earlier one count as fired, and the sweep is due
     * back at {@code retryAt} in case it dies before the checkpoint's messages are stored.
     */
    public static SlaClock claimed(SlaClock clock, Checkpoint checkpoint, Instant now, Instant retryAt) {
        return new SlaClock(clock.policy(), clock.owners(), clock.target(), clock.startedAt(), clock.state(),
                clock.accrued(), clock.runningSince(), checkpoint.index() + 1, checkpoint.index(),
                checkpoint.index() - clock.fired(), now, clock.dueAt(), retryAt, clock.changedAt());
    }

    /** The clock once its firing checkpoint's effects are stored: due back at its next checkpoint. */
    public static SlaClock completed(SlaClock clock) {
        return scheduled(new SlaClock(clock.policy(), clock.owners(), clock.target(), clock.startedAt(),
                clock.state(), clock.accrued(), clock.runningSince(), clock.fired(), null, clock.skipped(),
                clock.firingAt(), clock.dueAt(), null, clock.changedAt()));
    }

    /** Stops SLA time until {@link #resumed}; a paused clock fires nothing. */
    public static SlaClock paused(SlaClock clock, Instant now) {
        if (clock.state() != SlaClockState.RUNNING) {
            return clock;
        }
        return new SlaClock(clock.policy(), clock.owners(), clock.target(), clock.startedAt(), SlaClockState.PAUSED,
                elapsed(clock, now), null, clock.fired(), clock.firing(), clock.skipped(), clock.firingAt(), null,
                clock.firing() == null ? null : clock.nextCheckAt(), clock.changedAt());
    }

    /** Starts SLA time again from {@code now}; the deadline moves by the time spent paused. */
    public static SlaClock resumed(SlaClock clock, Instant now) {
        if (clock.state() != SlaClockState.PAUSED) {
            return clock;
        }
        SlaClock running = new SlaClock(clock.policy(), clock.owners(), clock.target(), clock.startedAt(),
                SlaClockState.RUNNING, clock.accrued(), now, clock.fired(), clock.firing(), clock.skipped(),
                clock.firingAt(), null, clock.nextCheckAt(), clock.changedAt());
        return clock.firing() == null ? scheduled(running) : withDue(running, clock.nextCheckAt());
    }

    /** The deadline and the next check of a clock with no checkpoint firing. */
    private static SlaClock scheduled(SlaClock clock) {
        List<Checkpoint> all = checkpoints(clock);
        Instant next = clock.state() == SlaClockState.RUNNING && clock.fired() < all.size()
                ? when(clock, all.get(clock.fired()).at()) : null;
        return withDue(clock, next);
    }

    private static SlaClock withDue(SlaClock clock, Instant nextCheckAt) {
        Instant due = clock.state() == SlaClockState.RUNNING ? when(clock, clock.target()) : clock.dueAt();
        return new SlaClock(clock.policy(), clock.owners(), clock.target(), clock.startedAt(), clock.state(),
                clock.accrued(), clock.runningSince(), clock.fired(), clock.firing(), clock.skipped(),
                clock.firingAt(), due, nextCheckAt, clock.changedAt());
    }
}
