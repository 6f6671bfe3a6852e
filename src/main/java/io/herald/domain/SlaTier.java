package io.herald.domain;

import java.time.Duration;
import java.util.List;

/**
 * One escalation level after the deadline: {@code after} the breach its recipients are told, and again every
 * {@code repeatEvery} up to {@code repeatTimes} more times, or until the next tier starts.
 *
 * @param level 1 for the first tier after the breach, counting up
 * @param to who is told: {@code assignees}, {@code managers} or {@code alternates} (of the task's first
 *        assignees), {@code user:<id>}, {@code team:<id>}, {@code group:<id>}
 * @param repeatEvery null when the tier fires once
 */
public record SlaTier(int level, Duration after, List<String> to, Duration repeatEvery, int repeatTimes) {

    public SlaTier {
        to = List.copyOf(to);
    }
}
