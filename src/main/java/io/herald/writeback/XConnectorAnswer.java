package io.herald.writeback;

/** How xConnector took a write-back it accepted. */
public enum XConnectorAnswer {
    /** 2xx: applied now. */
    APPLIED,
    /** 409: applied by an earlier attempt whose answer Herald never saw. */
    ALREADY_APPLIED
}
