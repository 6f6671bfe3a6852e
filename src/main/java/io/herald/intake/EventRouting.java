package io.herald.intake;

import io.cloudevents.CloudEvent;
import io.herald.domain.Notification;
import io.herald.domain.NotificationKind;
import io.herald.domain.StoredEvent;
import io.herald.grouping.DeliveryThrottle;
import io.herald.grouping.EventGrouping;
import io.herald.metrics.HeraldMetrics;
import io.herald.routing.Delivery;
import io.herald.routing.Router;
import io.herald.routing.RoutingPlan;
import io.herald.sla.ClockChanges;
import io.herald.work.NotificationWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Routes a stored event to its notifications (or the groups and digests its rules fold it into) and tasks, and
 * applies what it asks of SLA clocks. Running it again for the same event changes nothing. An attempt that fails
 * is recorded; after the last one allowed the event is parked ({@link RoutingFailures}) instead of failing again.
 */
@ApplicationScoped
public class EventRouting {

    private final Router router;
    private final NotificationWork work;
    private final TaskRaiser tasks;
    private final ClockChanges clocks;
    private final RoutingFailures failures;
    private final HeraldMetrics metrics;
    private final Clock clock;
    private final EventGrouping grouping;
    private final DeliveryThrottle throttle;

    public EventRouting(Router router, NotificationWork work, TaskRaiser tasks, ClockChanges clocks,
            RoutingFailures failures, HeraldMetrics metrics, Clock clock, EventGrouping grouping,
            DeliveryThrottle throttle) {
        this.grouping = grouping;
        this.throttle = throttle;
        this.failures = failures;
        this.router = router;
        this.work = work;
        this.tasks = tasks;
        this.clocks = clocks;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What routing the event would do; changes nothing. */
    public RoutingPlan plan(CloudEvent cloudEvent) {
        return router.route(cloudEvent);
    }

    /** Routes an event stored earlier whose routing did not finish (a redelivery, the sweep). */
    public Acceptance route(StoredEvent event, CloudEvent cloudEvent, boolean duplicate) {
        if (failures.exhausted(event)) {
            return failures.park(event, duplicate);
        }
        return attempt(event, duplicate, () -> routeNow(event, cloudEvent, duplicate, router.route(cloudEvent)));
    }

    /** @param plan what {@link #plan} gave for this event */
    public Acceptance route(StoredEvent event, CloudEvent cloudEvent, boolean duplicate, RoutingPlan plan) {
        return attempt(event, duplicate, () -> routeNow(event, cloudEvent, duplicate, plan));
    }

    /** @throws RuntimeException what failed, when attempts are left: the caller answers or retries accordingly */
    private Acceptance attempt(StoredEvent event, boolean duplicate, Supplier<Acceptance> routing) {
        try {
            return routing.get();
        } catch (RuntimeException e) {
            boolean last;
            try {
                last = failures.record(event, e);
            } catch (RuntimeException unrecorded) {
                e.addSuppressed(unrecorded);
                throw e;
            }
            if (!last) {
                throw e;
            }
            return failures.park(event, duplicate);
        }
    }

    private Acceptance routeNow(StoredEvent event, CloudEvent cloudEvent, boolean duplicate, RoutingPlan plan) {
        List<Notification> planned = new ArrayList<>(plan.deliveries().size());
        for (Delivery delivery : plan.deliveries()) {
            if (delivery.group() != null) {
                planned.add(grouping.count(event, delivery));
                continue;
            }
            Notification notification = work.plan(event, NotificationKind.EVENT, delivery.rule(),
                    delivery.template(), delivery.priority(), delivery.userId(), delivery.channel(),
                    delivery.address(), delivery.locale(), delivery.timeZone());
            planned.add(delivery.throttle() == null ? notification
                    : throttle.admit(event, delivery, notification));
        }
        tasks.raise(event, plan.tasks());
        clocks.apply(event, cloudEvent);
        List<Notification> stored = work.record(event, plan.matchedRules(), planned);
        metrics.eventRouted(plan.matchedRules().isEmpty() ? "unrouted" : "routed");
        List<String> unreached = new ArrayList<>(plan.unresolvedRecipients());
        unreached.addAll(plan.missingAddresses());
        return Acceptance.of(event.routed(plan.matchedRules(), clock.instant()), duplicate, stored, unreached);
    }
}
