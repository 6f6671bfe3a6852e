package io.herald.writeback;

import io.herald.domain.EntityRef;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Tasks about purchase orders, each with fresh ids so that tests never see each other's write-backs. */
final class TestTasks {

    static final String SOURCE = "/xconnector/erp/s4-purchasing";
    static final String SYSTEM = "s4-purchasing";

    private TestTasks() {
    }

    /** A new purchase order with its own id. */
    static EntityRef newPurchaseOrder() {
        return new EntityRef(SYSTEM, "purchase-order", "PO-" + UUID.randomUUID());
    }

    /** An approval task about {@code order}, raised by an event of its own. */
    static Task approvalOf(EntityRef order) {
        String run = UUID.randomUUID().toString();
        Instant now = Instant.now();
        return new Task("task-" + run, SOURCE, "po-approval-" + run, "erp-approval", "Approve " + order.id(), order,
                List.of("approve", "reject"), List.of("bob"), TaskStatus.OPEN, null, now, now, 0);
    }
}
