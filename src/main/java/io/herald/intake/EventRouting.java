package io.herald.intake;

import io.cloudevents.CloudEvent;
import io.herald.announce.Announcements;
import io.herald.domain.AuditEntry;
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
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Routes a stored event to its notifications (or the groups and digests its rules fold it into), announcements
 * and tasks, and
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
    private final Announcements announcements;

    public EventRouting(Router router, NotificationWork work, TaskRaiser tasks, ClockChanges clocks,
            RoutingFailures failures, HeraldMetrics metrics, Clock clock, EventGrouping grouping,
            DeliveryThrottle throttle, Announcements announcements) {
        this.announcements = announcements;
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

    /**
     * Whether routing this event writes nothing but its own notifications and group counts (no task, no SLA clock
     * change, no throttle window, no announcement page), so that {@link #routeOnArrival} may store it with them at
     * once. A group count lives outside the event's transaction and comes first: a sender's retry after a failed store
     * counts the event again only when another of its group was counted in between ({@link EventGrouping}), as
     * routing repeated after a crash may.
     */
    public boolean writesOnlyNotifications(CloudEvent cloudEvent, RoutingPlan plan) {
        return plan.tasks().isEmpty() && !plan.announces() && !clocks.concerns(cloudEvent)
                && plan.deliveries().stream().noneMatch(delivery -> delivery.throttle() != null);
    }

    /**
     * Stores a new event and its routing in one store write; for an event {@link #writesOnlyNotifications} holds
     * for. A failure stores nothing and is thrown: the sender retries.
     *
     * @param received the audit entry of the event's receipt, stored with it
     * @return what it was routed to, or empty if an event with its key was stored already (nothing is written)
     */
    public Optional<Acceptance> routeOnArrival(StoredEvent event, AuditEntry received, RoutingPlan plan) {
        List<Notification> planned = planNotifications(event, plan);
        Optional<StoredEvent> routed = work.recordArrival(event, received, plan.matchedRules(), planned);
        if (routed.isEmpty()) {
            return Optional.empty();
        }
        metrics.eventRouted(plan.matchedRules().isEmpty() ? "unrouted" : "routed");
        return Optional.of(Acceptance.of(routed.get(), false, planned, unreached(plan)));
    }

    /** What a duplicate of an event routed before is answered: its notifications and announcements. */
    public Acceptance routedBefore(StoredEvent event, List<Notification> notifications, RoutingPlan plan) {
        return Acceptance.of(event, true, notifications, null, plan.announces()
                ? announcements.routedBefore(event, plan.announcements(), plan.withdrawals()) : List.of());
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
        List<Notification> planned = planNotifications(event, plan);
        tasks.raise(event, plan.tasks());
        clocks.apply(event, cloudEvent);
        // Pages before the event is marked routed: routing repeated after a crash completes them.
        List<Announcements.Announced> announced = new ArrayList<>(announcements.publish(event,
                plan.announcements()));
        announced.addAll(announcements.withdraw(event, plan.withdrawals()));
        List<Notification> stored = work.record(event, plan.matchedRules(), planned);
        metrics.eventRouted(plan.matchedRules().isEmpty() ? "unrouted" : "routed");
        return Acceptance.of(event.routed(plan.matchedRules(), clock.instant()), duplicate, stored, unreached(plan),
                announced);
    }

    private List<Notification> planNotifications(StoredEvent event, RoutingPlan plan) {
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
        return planned;
    }

    private static List<String> unreached(RoutingPlan plan) {
        List<String> unreached = new ArrayList<>(plan.unresolvedRecipients());
        unreached.addAll(plan.missingAddresses());
        return unreached;
    }
}
