package io.herald.domain;

public enum TaskStatus {
    /** Waiting for a decision. */
    OPEN,
    /** Decided; the first decision is final. */
    ANSWERED
}
