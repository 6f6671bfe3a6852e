package io.herald.recovery;

import io.herald.dispatch.DispatchConfig;
import io.herald.dispatch.DispatchQueue;
import io.herald.domain.Notification;
import io.herald.domain.StoredEvent;
import io.herald.events.StoredEvents;
import io.herald.intake.EventRouting;
import io.herald.store.Store;
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
 * Picks up work a previous run left in the store: events whose routing did not finish, notifications not yet
 * sent (or whose sender died holding them), and sent notifications whose delivery is not yet known. The queue
 * held only wake-up calls, so waking each piece of work again is all a restart needs.
 */
@ApplicationScoped
public class StartupRecovery {

    private static final Logger LOG = Logger.getLogger(StartupRecovery.class);
    private static final int BATCH = 10_000;

    private final Store store;
    private final EventRouting routing;
    private final DispatchQueue dispatch;
    private final DispatchConfig config;
    private final Clock clock;
    private final boolean enabled;

    StartupRecovery(Store store, EventRouting routing, DispatchQueue dispatch, DispatchConfig config, Clock clock,
            @ConfigProperty(name = "herald.recovery.on-start", defaultValue = "true") boolean enabled) {
        this.store = store;
        this.routing = routing;
        this.dispatch = dispatch;
        this.config = config;
        this.clock = clock;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent startup) {
        if (enabled) {
            recover();
        }
    }

    public void recover() {
        Instant now = clock.instant();
        List<StoredEvent> unrouted = store.eventsAwaitingRouting(now, BATCH).stream()
                .filter(event -> !StoredEvents.isOwn(event)).toList();
        for (StoredEvent event : unrouted) {
            routing.route(event, StoredEvents.toCloudEvent(event), false);
        }
        List<Notification> pending = store.dueNotifications(now.plus(config.giveUpAfter()), BATCH);
        for (Notification notification : pending) {
            Duration wait = Duration.between(now, notification.nextAttemptAt());
            dispatch.send(notification.id(), wait.isNegative() ? Duration.ZERO : wait);
        }
        List<Notification> sent = store.awaitingDeliveryStatus(now, BATCH);
        sent.forEach(notification -> dispatch.checkStatus(notification.id(), Duration.ZERO));
        if (!unrouted.isEmpty() || !pending.isEmpty() || !sent.isEmpty()) {
            LOG.infof("resumed %d event(s) awaiting routing, %d notification(s) to send, %d awaiting delivery status",
                    unrouted.size(), pending.size(), sent.size());
        }
    }
}
