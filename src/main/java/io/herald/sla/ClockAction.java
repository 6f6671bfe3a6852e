package io.herald.sla;

/** What a source event asks of the SLA clocks of the tasks about its entity. */
public enum ClockAction {
    /** Stop counting for a while, e.g. while waiting on the customer. */
    PAUSE,
    /** Count again after a pause. */
    RESUME,
    /** Stop for good, e.g. the case was resolved in the source system. */
    STOP
}
