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
import org.jboss.logging.Logger;

/**
 * Wakes work that has waited in the store well past its time: its queue message was lost, or its worker died
 * and nothing else would look at it again. Waking work that is merely late is harmless, as every worker claims
 * before it acts.
 */
@ApplicationScoped
public class StuckWork {

    private static final Logger LOG = Logger.getLogger(StuckWork.class);

    private final Store store;
    private final TaskStore tasks;
    private final EventRouting routing;
    private final DispatchQueue dispatch;
    private final WriteBackQueue writeBacks;

    public StuckWork(Store store, TaskStore tasks, EventRouting routing, DispatchQueue dispatch,
            WriteBackQueue writeBacks) {
        this.store = store;
        this.tasks = tasks;
        this.routing = routing;
        this.dispatch = dispatch;
        this.writeBacks = writeBacks;
    }

    /**
     * @param overdueSince work due (or received) before this is woken
     * @return how many pieces of work were woken
     */
    public int redrive(Instant overdueSince, int limit) {
        List<StoredEvent> unrouted = store.eventsAwaitingRouting(overdueSince, limit).stream()
                .filter(event -> !StoredEvents.isOwn(event)).toList();
        unrouted.forEach(event -> routing.route(event, StoredEvents.toCloudEvent(event), false));
        List<Notification> unsent = store.dueNotifications(overdueSince, limit);
        unsent.forEach(notification -> dispatch.send(notification.id(), Duration.ZERO));
        List<WriteBack> unwritten = tasks.dueWriteBacks(overdueSince, limit);
        unwritten.forEach(writeBack -> writeBacks.wake(writeBack.id(), Duration.ZERO));
        int woken = unrouted.size() + unsent.size() + unwritten.size();
        if (woken > 0) {
            LOG.warnf("woke stuck work: %d event(s) awaiting routing, %d notification(s), %d write-back(s)",
                    unrouted.size(), unsent.size(), unwritten.size());
        }
        return woken;
    }
}
