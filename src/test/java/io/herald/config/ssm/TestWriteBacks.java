package io.herald.config.ssm;

import io.herald.domain.EntityRef;
import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import java.time.Instant;

/** A write-back to sign; what it says does not matter to the signature's key. */
final class TestWriteBacks {

    private TestWriteBacks() {
    }

    static WriteBack approval() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new WriteBack("wb-ssm-1", "task-1", "/xconnector/erp/s4-purchasing", "po-4711-1",
                new EntityRef("s4-purchasing", "purchase-order", "PO-4711"), "response", "approve", "alice", null, at,
                WriteBackStatus.PENDING, 0, at, null, at, at, 0);
    }
}
