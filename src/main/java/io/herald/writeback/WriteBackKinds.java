package io.herald.writeback;

import java.util.Set;

/** The {@code kind} values of the write-back contract ({@code docs/xconnector-writeback.openapi.yaml}). */
public final class WriteBackKinds {

    /** A decision on a task: approve, reject, acknowledge, comment. */
    public static final String RESPONSE = "response";
    /** A task is close to its deadline. */
    public static final String WARNING = "warning";
    /** A task missed its deadline. */
    public static final String BREACH = "breach";
    /** A task was handed to someone further up. */
    public static final String ESCALATION = "escalation";

    public static final Set<String> ALL = Set.of(RESPONSE, WARNING, BREACH, ESCALATION);

    private WriteBackKinds() {
    }
}
