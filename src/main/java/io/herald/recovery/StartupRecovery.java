package io.herald.recovery;

import io.herald.domain.AnnouncementPage;
import io.herald.domain.Notification;
import io.herald.metrics.HeraldMetrics;
import io.herald.store.AnnouncementStore;
import io.herald.store.Store;
import io.herald.work.DispatchConfig;
import io.herald.work.DispatchQueue;
import io.herald.writeback.WriteBackConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Picks up work a previous run left in the store: events whose routing did not finish, notifications and
 * write-backs not yet done (or whose worker died holding them), and sent notifications and announcement pages
 * whose deliveries are not yet known (pages sent within {@code herald.dispatch.status-poll-window}). The queue
 * held only wake-up calls, so waking each piece of work again is all a restart needs.
 */
@ApplicationScoped
public class StartupRecovery {

    private static final Logger LOG = Logger.getLogger(StartupRecovery.class);
    private static final int BATCH = 10_000;
    static final String LOOP = "startup-recovery";

    private final StoredWorkWaker work;
    private final Store store;
    private final AnnouncementStore pages;
    private final Duration statusPollWindow;
    private final DispatchQueue dispatch;
    private final Duration horizon;
    private final Clock clock;
    private final HeraldMetrics metrics;
    private final boolean enabled;

    StartupRecovery(StoredWorkWaker work, Store store, AnnouncementStore pages, DispatchQueue dispatch,
            DispatchConfig dispatchConfig, WriteBackConfig writeBackConfig, Clock clock, HeraldMetrics metrics,
            @ConfigProperty(name = "herald.recovery.on-start", defaultValue = "true") boolean enabled) {
        this.work = work;
        this.store = store;
        this.pages = pages;
        this.statusPollWindow = dispatchConfig.statusPollWindow();
        this.dispatch = dispatch;
        // No retry is scheduled past its give-up time and leases are short, so this covers every open piece.
        this.horizon = dispatchConfig.giveUpAfter().compareTo(writeBackConfig.giveUpAfter()) > 0
                ? dispatchConfig.giveUpAfter() : writeBackConfig.giveUpAfter();
        this.clock = clock;
        this.metrics = metrics;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent startup) {
        if (enabled) {
            recover();
        }
    }

    /** Never fails: stored data that cannot be handled is logged and counted, and the sweep tries it again. */
    public void recover() {
        Instant now = clock.instant();
        StoredWorkWaker.Woken woken = work.wake(now.plus(horizon), now, BATCH, LOOP);
        int notifications = askAgain("notification", () -> store.awaitingDeliveryStatus(now, BATCH),
                Notification::id, id -> dispatch.checkStatus(id, Duration.ZERO));
        int sentPages = askAgain("announcement page", () -> pages.awaitingDeliveryStatus(
                now.minus(statusPollWindow), BATCH).stream().filter(page -> !page.settled()).toList(),
                AnnouncementPage::id, id -> dispatch.checkPageStatus(id, Duration.ZERO));
        if (woken.total() > 0 || notifications > 0 || sentPages > 0) {
            LOG.infof("resumed %d event(s) awaiting routing, %d notification(s) to send, %d write-back(s) to "
                    + "deliver, %d announcement page(s) to send, %d notification(s) and %d announcement page(s) "
                    + "awaiting delivery status", woken.events(), woken.notifications(), woken.writeBacks(),
                    woken.pages(), notifications, sentPages);
        }
    }

    /** Queues a delivery status check of each sent {@code kind} found, and says how many it found. */
    private <T> int askAgain(String kind, Supplier<List<T>> find, Function<T, String> id, Consumer<String> check) {
        List<T> found;
        try {
            found = find.get();
        } catch (RuntimeException e) {
            metrics.workFailed(LOOP);
            LOG.errorf(e, "%s: could not look up %ss awaiting delivery status", LOOP, kind);
            return 0;
        }
        for (T item : found) {
            try {
                check.accept(id.apply(item));
            } catch (RuntimeException e) {
                metrics.workFailed(LOOP);
                LOG.errorf(e, "%s: delivery status check of %s %s could not be queued", LOOP, kind, id.apply(item));
            }
        }
        return found.size();
    }
}
