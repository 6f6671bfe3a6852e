package io.herald.grouping;

import io.herald.domain.GroupIds;
import io.herald.domain.Notification;
import io.herald.domain.StoredEvent;
import io.herald.domain.ThrottleWindow;
import io.herald.routing.Delivery;
import io.herald.routing.GroupPlan;
import io.herald.routing.ThrottleSpec;
import io.herald.store.GroupStore;
import io.herald.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Lets a throttled rule's notification go out while the person has had fewer than the rule's {@code max} of them on
 * the channel in the current period, and folds it into the rule's digest for the person and channel otherwise: a
 * group ({@link EventGrouping}) announced with the digest template when the period ends, so nothing over the limit
 * is dropped.
 *
 * <p>The period begins with the first notification after the previous one ended. Each notification sent is one
 * conditional write on the window's row, retried when another changed it first. A notification already stored for
 * the event is returned as it is and counted nowhere again; routing repeated after a crash between the window's
 * write and the notification's may count one notification the person never got, so the limit errs on the side of
 * folding.
 */
@ApplicationScoped
public class DeliveryThrottle {

    private static final int MAX_ATTEMPTS = 100;

    private final GroupStore groups;
    private final Store store;
    private final EventGrouping grouping;
    private final Clock clock;

    public DeliveryThrottle(GroupStore groups, Store store, EventGrouping grouping, Clock clock) {
        this.groups = groups;
        this.store = store;
        this.grouping = grouping;
        this.clock = clock;
    }

    /**
     * @param delivery one with a {@link Delivery#throttle}
     * @param planned the notification the delivery sends when within the limit
     * @return {@code planned}, or the event's GROUPED record when the delivery is folded into the digest, or what
     *         is stored already for the event, person and channel
     * @throws IllegalStateException when the window kept changing under every attempt; routing the event again
     *         completes it
     */
    public Notification admit(StoredEvent event, Delivery delivery, Notification planned) {
        Optional<Notification> recorded = store.findNotification(planned.id());
        if (recorded.isPresent()) {
            return recorded.get();
        }
        ThrottleSpec limit = delivery.throttle();
        String id = GroupIds.throttle(delivery.rule(), delivery.userId(), delivery.channel());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Optional<ThrottleWindow> current = groups.findWindow(id);
            if (current.isEmpty()) {
                if (groups.insertWindow(new ThrottleWindow(id, now, 1, 0))) {
                    return planned;
                }
                continue;
            }
            ThrottleWindow window = current.get();
            if (window.endedBy(now, limit.period())) {
                if (groups.updateWindow(window.restarted(now)).isPresent()) {
                    return planned;
                }
            } else if (window.sent() < limit.max()) {
                if (groups.updateWindow(window.sentOneMore()).isPresent()) {
                    return planned;
                }
            } else {
                return grouping.count(event, digest(delivery, Duration.between(now,
                        window.startedAt().plus(limit.period()))));
            }
        }
        throw new IllegalStateException("throttling window " + id + " changed under each of " + MAX_ATTEMPTS
                + " attempts to admit event " + event.id());
    }

    /** The digest of the rule for the person and channel, due when the current period ends, then once a period. */
    private static Delivery digest(Delivery d, Duration untilPeriodEnds) {
        ThrottleSpec limit = d.throttle();
        return new Delivery(d.rule(), limit.digest(), d.priority(), d.userId(), d.channel(), d.address(), d.locale(),
                d.timeZone(), new GroupPlan(List.of(), untilPeriodEnds, limit.period(), limit.period()));
    }
}
