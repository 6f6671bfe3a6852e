package io.herald.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A task's SLA clock: the pinned policy, how much SLA time has passed, and which checkpoints (warnings, the
 * breach, escalation tiers, in the order the policy makes them) have fired.
 *
 * @param owners the task's assignees when it was raised: the people warned, and whose managers and alternates
 *        an escalation reaches
 * @param target the SLA time allowed on the policy's calendar
 * @param accrued SLA time counted up to {@code runningSince} (or up to the pause or stop)
 * @param runningSince when the clock last started or resumed; null unless RUNNING
 * @param fired how many checkpoints have been claimed, in order
 * @param firing the checkpoint claimed last whose messages and write-back may not all be stored yet, or null;
 *        repeating its effects is harmless, so a sweep that finds it set completes it
 * @param skipped how many earlier checkpoints the one firing stands for (they fell due while no sweep ran)
 * @param firingAt when the checkpoint firing was claimed
 * @param dueAt the deadline in force while running, or when the clock stopped; null while paused
 * @param nextCheckAt when a sweep should look at the task next; null when nothing is left to fire
 * @param changedAt the time (the source event's own) of the last pause, resume or stop applied, or null; a change
 *        from an event older than that arrived late and is not applied, so changes take effect in event-time order
 */
public record SlaClock(
        SlaPolicy policy,
        List<String> owners,
        Duration target,
        Instant startedAt,
        SlaClockState state,
        Duration accrued,
        Instant runningSince,
        int fired,
        Integer firing,
        int skipped,
        Instant firingAt,
        Instant dueAt,
        Instant nextCheckAt,
        Instant changedAt) {

    public SlaClock {
        owners = List.copyOf(owners);
    }

    /** A clock no source event has changed yet. */
    public SlaClock(SlaPolicy policy, List<String> owners, Duration target, Instant startedAt, SlaClockState state,
            Duration accrued, Instant runningSince, int fired, Integer firing, int skipped, Instant firingAt,
            Instant dueAt, Instant nextCheckAt) {
        this(policy, owners, target, startedAt, state, accrued, runningSince, fired, firing, skipped, firingAt, dueAt,
                nextCheckAt, null);
    }

    /** The same clock, changed by a source event of this time. */
    public SlaClock changedAt(Instant eventTime) {
        return new SlaClock(policy, owners, target, startedAt, state, accrued, runningSince, fired, firing, skipped,
                firingAt, dueAt, nextCheckAt, eventTime);
    }

    /** Whether a change from an event of this time comes after every change applied so far. */
    public boolean acceptsChangeFrom(Instant eventTime) {
        return changedAt == null || !eventTime.isBefore(changedAt);
    }

    /**
     * The clock stopped for good, keeping the deadline that was in force; nothing more fires. The SLA time of
     * the last running stretch is not added to {@code accrued}: a stopped clock is judged by its deadline.
     */
    public SlaClock stopped() {
        return new SlaClock(policy, owners, target, startedAt, SlaClockState.STOPPED, accrued, null, fired, firing,
                skipped, firingAt, dueAt, firing == null ? null : nextCheckAt, changedAt);
    }
}
