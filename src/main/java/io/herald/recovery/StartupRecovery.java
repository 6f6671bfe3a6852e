package io.herald.recovery;

import io.herald.domain.Notification;
import io.herald.metrics.HeraldMetrics;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Picks up work a previous run left in the store: events whose routing did not finish, notifications and
 * write-backs not yet done (or whose worker died holding them), and sent notifications whose delivery is not
 * yet known. The queue held only wake-up calls, so waking each piece of work again is all a restart needs.
 */
@ApplicationScoped
public class StartupRecovery {

    private static final Logger LOG = Logger.getLogger(StartupRecovery.class);
    private static final int BATCH = 10_000;
    static final String LOOP = "startup-recovery";

    private final StoredWorkWaker work;
    private final Store store;
    private final DispatchQueue dispatch;
    private final Duration horizon;
    private final Clock clock;
    private final HeraldMetrics metrics;
    private final boolean enabled;

    StartupRecovery(StoredWorkWaker work, Store store, DispatchQueue dispatch, DispatchConfig dispatchConfig,
            WriteBackConfig writeBackConfig, Clock clock, HeraldMetrics metrics,
            @ConfigProperty(name = "herald.recovery.on-start", defaultValue = "true") boolean enabled) {
        this.work = work;
        this.store = store;
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
        List<Notification> sent = List.of();
        try {
            sent = store.awaitingDeliveryStatus(now, BATCH);
        } catch (RuntimeException e) {
            metrics.workFailed(LOOP);
            LOG.errorf(e, "%s: could not look up notifications awaiting delivery status", LOOP);
        }
        for (Notification notification : sent) {
            try {
                dispatch.checkStatus(notification.id(), Duration.ZERO);
            } catch (RuntimeException e) {
                metrics.workFailed(LOOP);
                LOG.errorf(e, "%s: delivery status check of notification %s could not be queued", LOOP,
                        notification.id());
            }
        }
        if (woken.total() > 0 || !sent.isEmpty()) {
            LOG.infof("resumed %d event(s) awaiting routing, %d notification(s) to send, %d write-back(s) to "
                    + "deliver, %d announcement page(s) to send, %d awaiting delivery status", woken.events(),
                    woken.notifications(), woken.writeBacks(), woken.pages(), sent.size());
        }
    }
}
