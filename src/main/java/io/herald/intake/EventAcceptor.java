package io.herald.intake;

import io.cloudevents.CloudEvent;
import io.herald.audit.AuditTrail;
import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import io.herald.events.StoredEvents;
import io.herald.metrics.HeraldMetrics;
import io.herald.routing.RoutingPlan;
import io.herald.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Stores an event durably, once per (source, id), and routes it. An event whose routing writes only its
 * notifications and group counts is stored with them in one write, after the counts; one that raises tasks,
 * changes SLA clocks or meets a throttle is stored first and routed after, step by step. A duplicate is answered with what the first delivery was routed to; if the first
 * delivery was interrupted before routing finished, the duplicate finishes it.
 */
@ApplicationScoped
public class EventAcceptor {

    private static final Logger LOG = Logger.getLogger(EventAcceptor.class);

    private final Store store;
    private final EventRouting routing;
    private final AuditTrail audit;
    private final HeraldMetrics metrics;
    private final Clock clock;

    public EventAcceptor(Store store, EventRouting routing, AuditTrail audit, HeraldMetrics metrics, Clock clock) {
        this.store = store;
        this.routing = routing;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** @param plan what {@link EventRouting#plan} gave for this event, checked to fit the store */
    public Acceptance accept(CloudEvent cloudEvent, String sender, RoutingPlan plan) {
        StoredEvent event = StoredEvents.from(cloudEvent, clock.instant());
        MDC.put("eventId", event.id());
        MDC.put("eventSource", event.source());
        try {
            if (routing.writesOnlyNotifications(cloudEvent, plan)) {
                Optional<Acceptance> routed = routing.routeOnArrival(event,
                        audit.entry(event.key(), "received", sender, "type " + event.type()), plan);
                if (routed.isPresent()) {
                    metrics.eventReceived("accepted");
                    LOG.debugf("accepted event of type %s", event.type());
                    return routed.get();
                }
            } else if (store.insertEvent(event)) {
                metrics.eventReceived("accepted");
                audit.record(event.key(), "received", sender, "type " + event.type());
                LOG.debugf("accepted event of type %s", event.type());
                return routing.route(event, cloudEvent, false, plan);
            }
            metrics.eventReceived("duplicate");
            StoredEvent first = store.findEvent(event.key()).orElseThrow();
            if (first.status() == EventStatus.RECEIVED) {
                LOG.infof("duplicate of an event whose routing did not finish; finishing it");
                return routing.route(first, StoredEvents.toCloudEvent(first), true);
            }
            return routing.routedBefore(first, store.notificationsOf(first.key()), plan);
        } finally {
            MDC.remove("eventId");
            MDC.remove("eventSource");
        }
    }
}
