package io.herald.domain;

public enum SlaClockState {
    /** SLA time is passing. */
    RUNNING,
    /** Stopped for a while by a source event (for example waiting on the customer); a resume restarts it. */
    PAUSED,
    /** Stopped for good: the task was answered or a source event ended it. */
    STOPPED
}
