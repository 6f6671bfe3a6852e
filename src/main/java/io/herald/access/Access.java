package io.herald.access;

/** What an operator may do. Each level includes the ones before it. */
public enum Access {
    /** Signed in, but given no role here. */
    NONE,
    /** Read stored events, tasks and metrics. */
    READ,
    /** Also invoke functions directly (Funqy {@code POST /dispatch}, {@code POST /writeback}). */
    OPERATE;

    public boolean allows(Access needed) {
        return compareTo(needed) >= 0;
    }
}
