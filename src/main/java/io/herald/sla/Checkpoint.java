package io.herald.sla;

import java.time.Duration;
import java.util.List;

/**
 * One moment of an SLA policy at which Herald tells someone: a warning, the breach, or an escalation tier (or
 * one of its repeats).
 *
 * @param index the checkpoint's place in the policy's order, from 0
 * @param at the SLA time passed when it fires (the target for the breach)
 * @param kind {@code warning}, {@code breach} or {@code escalation}, as written back to xConnector
 * @param label names the checkpoint among the task's others, e.g. {@code 75%-used}, {@code tier-2}; it is the
 *        write-back's action, so each checkpoint is written back once
 * @param tier the escalation tier, 0 for warnings and the breach
 * @param to who is told, in {@link io.herald.domain.SlaTier#to()} terms
 */
public record Checkpoint(int index, Duration at, String kind, String label, int tier, List<String> to) {

    public static final String WARNING = "warning";
    public static final String BREACH = "breach";
    public static final String ESCALATION = "escalation";
    public static final String ASSIGNEES = "assignees";

    public Checkpoint {
        to = List.copyOf(to);
    }
}
