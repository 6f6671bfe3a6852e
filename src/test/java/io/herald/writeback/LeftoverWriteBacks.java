package io.herald.writeback;

import io.herald.domain.EntityRef;
import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import io.herald.store.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What a Herald process that died ten minutes ago leaves in the task store: a write-back it was sending when it
 * died (SENDING, its lease long over), a younger one of the same purchase order waiting behind it, and one of
 * another order never tried.
 */
public final class LeftoverWriteBacks {

    static final Duration DIED_AGO = Duration.ofMinutes(10);

    private LeftoverWriteBacks() {
    }

    static String abandoned(String run) {
        return "restart-abandoned-" + run;
    }

    static String waitingBehind(String run) {
        return "restart-waiting-" + run;
    }

    static String unsent(String run) {
        return "restart-unsent-" + run;
    }

    static EntityRef sharedOrder(String run) {
        return new EntityRef(TestTasks.SYSTEM, "purchase-order", "PO-restart-" + run);
    }

    /** Puts the leftovers of one run into {@code store}, before the application starts. */
    public static void leaveIn(TaskStore store, String run) {
        Instant died = Instant.now().minus(DIED_AGO).truncatedTo(ChronoUnit.MILLIS);
        EntityRef other = new EntityRef(TestTasks.SYSTEM, "purchase-order", "PO-restart-other-" + run);
        store.insertWriteBack(writeBack(abandoned(run), sharedOrder(run), "approve", WriteBackStatus.SENDING, 1,
                died.plus(Duration.ofMinutes(2)), died.minusSeconds(2)));
        store.insertWriteBack(writeBack(waitingBehind(run), sharedOrder(run), "comment", WriteBackStatus.PENDING, 0,
                died.minusSeconds(1), died.minusSeconds(1)));
        store.insertWriteBack(writeBack(unsent(run), other, "reject", WriteBackStatus.PENDING, 0, died, died));
    }

    private static WriteBack writeBack(String id, EntityRef order, String action, WriteBackStatus status,
            int attempts, Instant nextAttemptAt, Instant created) {
        return new WriteBack(id, "task-" + id, TestTasks.SOURCE, "event-" + id, order, WriteBackKinds.RESPONSE,
                action, "bob", null, created, status, attempts, nextAttemptAt, null, created, created, 0);
    }
}
