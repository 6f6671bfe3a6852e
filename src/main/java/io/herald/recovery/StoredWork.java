package io.herald.recovery;

import io.herald.dispatch.DispatchQueue;
import io.herald.domain.Notification;
import io.herald.domain.StoredEvent;
import io.herald.domain.WriteBack;
import io.herald.events.StoredEvents;
import io.herald.intake.EventRouting;
import io.herald.store.Store;
import io.herald.task.TaskStore;
import io.herald.writeback.WriteBackQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Wakes work waiting in the store, for when its queue message was lost or its worker died: events whose routing
 * did not finish (routed again here), notifications to send and write-backs to deliver (each woken at its due
 * time). Waking work that is merely late, or taken meanwhile, is harmless: every worker claims before it acts.
 */
@ApplicationScoped
public class StoredWork {

    private final Store store;
    private final TaskStore tasks;
    private final EventRouting routing;
    private final DispatchQueue dispatch;
    private final WriteBackQueue writeBacks;

    public StoredWork(Store store, TaskStore tasks, EventRouting routing, DispatchQueue dispatch,
            WriteBackQueue writeBacks) {
        this.store = store;
        this.tasks = tasks;
        this.routing = routing;
        this.dispatch = dispatch;
        this.writeBacks = writeBacks;
    }

    /** What one call woke. */
    public record Woken(int events, int notifications, int writeBacks) {

        public int total() {
            return events + notifications + writeBacks;
        }
    }

    /**
     * @param dueBy work due (events: received) by then is woken; later than {@code now} to wake work scheduled
     *        ahead too, earlier to wake only work that is overdue
     * @param limit at most this many of each kind
     */
    public Woken wake(Instant dueBy, Instant now, int limit) {
        List<StoredEvent> unrouted = store.eventsAwaitingRouting(dueBy.isBefore(now) ? dueBy : now, limit).stream()
                .filter(event -> !StoredEvents.isOwn(event)).toList();
        unrouted.forEach(event -> routing.route(event, StoredEvents.toCloudEvent(event), false));
        List<Notification> unsent = store.dueNotifications(dueBy, limit);
        unsent.forEach(n -> dispatch.send(n.id(), until(now, n.nextAttemptAt())));
        List<WriteBack> unwritten = tasks.dueWriteBacks(dueBy, limit);
        unwritten.forEach(w -> writeBacks.wake(w.id(), until(now, w.nextAttemptAt())));
        return new Woken(unrouted.size(), unsent.size(), unwritten.size());
    }

    private static Duration until(Instant now, Instant due) {
        Duration wait = Duration.between(now, due);
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
