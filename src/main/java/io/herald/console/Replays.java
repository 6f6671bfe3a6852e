package io.herald.console;

import io.herald.audit.AuditTrail;
import io.herald.domain.EventKey;
import io.herald.domain.Notification;
import io.herald.domain.NotificationStatus;
import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import io.herald.http.ProblemException;
import io.herald.store.Store;
import io.herald.store.TaskStore;
import io.herald.work.DispatchQueue;
import io.herald.writeback.WriteBackQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends a dead notification or write-back again. Only a DEAD item is replayed, by an update conditional on the
 * version read: of two replays at once, or one repeated, exactly one changes anything, and the item is then
 * delivered by the usual outbox, under its usual idempotency key. So a replay never sends a notification twice.
 * Each replay is recorded in the event's audit trail with who asked for it.
 */
@ApplicationScoped
public class Replays {

    public static final String NOTIFICATION = "notification";
    public static final String WRITE_BACK = "write-back";
    /** The actor recorded in local mode, where nobody signs in. */
    static final String LOCAL_OPERATOR = "local-operator";

    private final Store store;
    private final TaskStore tasks;
    private final DispatchQueue dispatch;
    private final WriteBackQueue writeBacks;
    private final AuditTrail audit;
    private final Clock clock;

    public Replays(Store store, TaskStore tasks, DispatchQueue dispatch, WriteBackQueue writeBacks, AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.tasks = tasks;
        this.dispatch = dispatch;
        this.writeBacks = writeBacks;
        this.audit = audit;
        this.clock = clock;
    }

    /** The dead item as the confirmation page shows it; a problem when there is none or it is no longer dead. */
    DeadLettersPage.Dead find(String kind, String id) {
        return switch (known(kind)) {
            case NOTIFICATION -> DeadLettersPage.dead(deadNotification(id));
            default -> DeadLettersPage.dead(deadWriteBack(id));
        };
    }

    /**
     * Replays the dead item.
     *
     * @param operator who asked, for the audit trail; null in local mode
     * @throws ProblemException 404 when there is no such item, 409 when it is not dead (any more)
     */
    DeadLettersPage.Dead replay(String kind, String id, String operator) {
        String actor = operator == null ? LOCAL_OPERATOR : operator;
        Instant now = clock.instant();
        if (NOTIFICATION.equals(known(kind))) {
            Notification dead = deadNotification(id);
            Notification waiting = store.updateNotification(dead.replayed(now)).orElseThrow(Replays::changed);
            audit.record(dead.eventKey(), "replayed", actor, "notification " + dead.channel().id() + " to "
                    + dead.recipient() + " sent again after " + dead.attempts() + " attempt(s)");
            dispatch.send(waiting.id(), Duration.ZERO);
            return DeadLettersPage.dead(dead);
        }
        WriteBack dead = deadWriteBack(id);
        WriteBack waiting = tasks.updateWriteBack(dead.with(WriteBackStatus.PENDING, 0, now, dead.lastError(), now))
                .orElseThrow(Replays::changed);
        audit.record(new EventKey(dead.eventSource(), dead.eventId()), "replayed", actor, "write-back " + dead.kind()
                + " " + dead.action() + " delivered again after " + dead.attempts() + " attempt(s)");
        writeBacks.wake(waiting.id(), Duration.ZERO);
        return DeadLettersPage.dead(dead);
    }

    private Notification deadNotification(String id) {
        Notification found = store.findNotification(id == null ? "" : id)
                .orElseThrow(() -> new ProblemException(404, "Not Found", "no notification with that id"));
        if (found.status() != NotificationStatus.DEAD) {
            throw notDead(found.status().name());
        }
        return found;
    }

    private WriteBack deadWriteBack(String id) {
        WriteBack found = tasks.findWriteBack(id == null ? "" : id)
                .orElseThrow(() -> new ProblemException(404, "Not Found", "no write-back with that id"));
        if (found.status() != WriteBackStatus.DEAD) {
            throw notDead(found.status().name());
        }
        return found;
    }

    private static String known(String kind) {
        if (NOTIFICATION.equals(kind) || WRITE_BACK.equals(kind)) {
            return kind;
        }
        throw new ProblemException(400, "Bad Request", "kind must be " + NOTIFICATION + " or " + WRITE_BACK);
    }

    private static ProblemException notDead(String status) {
        return new ProblemException(409, "Conflict", "it is " + status + ", not dead: there is nothing to replay "
                + "(it may have been replayed already)");
    }

    private static ProblemException changed() {
        return new ProblemException(409, "Conflict", "it changed meanwhile (replayed by someone else?): nothing "
                + "was done");
    }
}
