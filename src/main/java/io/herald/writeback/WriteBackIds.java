package io.herald.writeback;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Derives a write-back's id from what makes it unique, so that recording the same outcome twice (a callback
 * retried, a sweep run again) stores one write-back, and xConnector sees one {@code Idempotency-Key} for it.
 */
public final class WriteBackIds {

    private WriteBackIds() {
    }

    /**
     * @param kind one of {@link WriteBackKinds#ALL}
     * @param action the decision's action, or the escalation detail (e.g. the escalation level)
     */
    public static String of(String taskId, String kind, String action) {
        String identity = taskId + '\u0000' + kind + '\u0000' + action;
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
