package io.herald.store;

import io.herald.domain.AuditEntry;
import io.herald.domain.EventStatus;
import io.herald.domain.Notification;
import io.herald.domain.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A new event together with everything its routing writes when it raises no task and changes no SLA clock:
 * {@link Store#insertRoutedEvent} stores it.
 *
 * @param event the event as received ({@link EventStatus#RECEIVED}, not yet routed)
 * @param received the audit entry saying it was received
 * @param notifications the notifications routing made for it
 * @param matchedRules the rules that matched (empty: the event is unrouted)
 * @param routedAt when it was routed
 * @param routed the audit entry saying what routing made of it
 */
public record RoutedArrival(StoredEvent event, AuditEntry received, List<Notification> notifications,
        List<String> matchedRules, Instant routedAt, AuditEntry routed) {

    public RoutedArrival {
        Objects.requireNonNull(event, "event");
        if (event.status() != EventStatus.RECEIVED) {
            throw new IllegalArgumentException("an arriving event is RECEIVED, not " + event.status());
        }
        Objects.requireNonNull(received, "received");
        notifications = List.copyOf(notifications);
        matchedRules = List.copyOf(matchedRules);
        Objects.requireNonNull(routedAt, "routedAt");
        Objects.requireNonNull(routed, "routed");
    }

    /** The event as stored once routed. */
    public StoredEvent routedEvent() {
        return event.routed(matchedRules, routedAt);
    }
}
