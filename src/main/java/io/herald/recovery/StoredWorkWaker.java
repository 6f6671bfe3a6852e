package io.herald.recovery;

import io.herald.domain.AnnouncementPage;
import io.herald.events.StoredEvents;
import io.herald.intake.EventRouting;
import io.herald.metrics.HeraldMetrics;
import io.herald.store.AnnouncementStore;
import io.herald.store.Store;
import io.herald.store.TaskStore;
import io.herald.work.DispatchQueue;
import io.herald.writeback.WriteBackQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Wakes work waiting in the store, for when its queue message was lost or its worker died: events whose routing
 * did not finish (routed again here), notifications to send and write-backs to deliver (each woken at its due
 * time), and announcement pages, which are also woken here when their send time comes. Waking work that is
 * merely late, or taken meanwhile, is harmless: every worker claims before it acts.
 */
@ApplicationScoped
public class StoredWorkWaker {

    private static final Logger LOG = Logger.getLogger(StoredWorkWaker.class);

    private final Store store;
    private final TaskStore tasks;
    private final EventRouting routing;
    private final DispatchQueue dispatch;
    private final WriteBackQueue writeBacks;
    private final HeraldMetrics metrics;
    private final AnnouncementStore pages;

    public StoredWorkWaker(Store store, TaskStore tasks, EventRouting routing, DispatchQueue dispatch,
            WriteBackQueue writeBacks, HeraldMetrics metrics, AnnouncementStore pages) {
        this.pages = pages;
        this.metrics = metrics;
        this.store = store;
        this.tasks = tasks;
        this.routing = routing;
        this.dispatch = dispatch;
        this.writeBacks = writeBacks;
    }

    /** What one call woke. */
    public record Woken(int events, int notifications, int writeBacks, int pages) {

        public int total() {
            return stuck() + pages;
        }

        /** What was woken because it waited too long; pages are woken when their time comes, too. */
        public int stuck() {
            return events + notifications + writeBacks;
        }
    }

    /**
     * @param dueBy work due (events: received) by then is woken; later than {@code now} to wake work scheduled
     *        ahead too, earlier to wake only work that is overdue
     * @param limit at most this many of each kind
     */
    public Woken wake(Instant dueBy, Instant now, int limit) {
        return wake(dueBy, now, limit, "sweep");
    }

    /**
     * Each kind of work, and each piece of it, is handled on its own: one that fails (a stored value that cannot
     * be read or routed) is logged, counted under {@code loop} and left for a later run, and the rest goes on.
     */
    public Woken wake(Instant dueBy, Instant now, int limit, String loop) {
        // A page's due time is its send time, not a sign of being stuck: pages due by now are woken at least.
        // They are read before events are routed again, whose announcements wake the pages they store themselves.
        Instant pagesDueBy = dueBy.isBefore(now) ? now : dueBy;
        List<AnnouncementPage> duePages = read(loop, "announcement pages due", () -> pages.duePages(pagesDueBy,
                limit));
        int events = each(loop, "events awaiting routing", () -> store.eventsAwaitingRouting(
                dueBy.isBefore(now) ? dueBy : now, limit).stream().filter(event -> !StoredEvents.isOwn(event))
                .toList(), event -> "event " + event.source() + " " + event.id(),
                event -> routing.route(event, StoredEvents.toCloudEvent(event), false));
        int notifications = each(loop, "notifications due", () -> store.dueNotifications(dueBy, limit),
                n -> "notification " + n.id(), n -> dispatch.send(n.id(), until(now, n.nextAttemptAt())));
        int written = each(loop, "write-backs due", () -> tasks.dueWriteBacks(dueBy, limit),
                w -> "write-back " + w.id(), w -> writeBacks.wake(w.id(), until(now, w.nextAttemptAt())));
        int paged = each(loop, "announcement pages due", () -> duePages, p -> "announcement page " + p.id(),
                p -> dispatch.sendPage(p.id(), until(now, p.nextAttemptAt())));
        return new Woken(events, notifications, written, paged);
    }

    /** @return what {@code find} found, or nothing when it failed (logged and counted) */
    private <T> List<T> read(String loop, String kind, Supplier<List<T>> find) {
        try {
            return find.get();
        } catch (RuntimeException e) {
            metrics.workFailed(loop);
            LOG.errorf(e, "%s: could not read the %s; a later run tries again", loop, kind);
            return List.of();
        }
    }

    private <T> int each(String loop, String kind, Supplier<List<T>> find, Function<T, String> name,
            Consumer<T> wake) {
        List<T> found = read(loop, kind, find);
        for (T item : found) {
            try {
                wake.accept(item);
            } catch (RuntimeException e) {
                metrics.workFailed(loop);
                LOG.errorf(e, "%s: %s failed; left for a later run", loop, name.apply(item));
            }
        }
        return found.size();
    }

    private static Duration until(Instant now, Instant due) {
        Duration wait = Duration.between(now, due);
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
