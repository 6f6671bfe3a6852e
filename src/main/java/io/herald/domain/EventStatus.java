package io.herald.domain;

public enum EventStatus {
    /** Stored, routing not finished yet (a crash here is repaired by the next delivery of the same event). */
    RECEIVED,
    /** At least one rule matched; its notifications are stored. */
    ROUTED,
    /** No rule matched. Kept and listed, not an error. */
    UNROUTED,
    /** Routing failed as often as allowed and was given up; the operations group was alerted. Never routed again. */
    FAILED
}
