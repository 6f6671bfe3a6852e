package io.herald.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An accepted CloudEvent as Herald keeps it.
 *
 * @param attributes every context attribute and extension except data, as strings
 * @param data the event data as text (JSON for JSON events), or null
 * @param matchedRules names of the rules that matched, empty until routed
 */
public record StoredEvent(
        String source,
        String id,
        String type,
        String subject,
        Instant time,
        Instant receivedAt,
        Map<String, String> attributes,
        String dataContentType,
        String data,
        EventStatus status,
        List<String> matchedRules,
        Instant routedAt) {

    public EventKey key() {
        return new EventKey(source, id);
    }

    /** Routing given up ({@link EventStatus#FAILED}) at {@code at}. */
    public StoredEvent routingFailed(Instant at) {
        return new StoredEvent(source, id, type, subject, time, receivedAt, attributes, dataContentType, data,
                EventStatus.FAILED, List.of(), at);
    }

    public StoredEvent routed(List<String> rules, Instant at) {
        return new StoredEvent(source, id, type, subject, time, receivedAt, attributes, dataContentType, data,
                rules.isEmpty() ? EventStatus.UNROUTED : EventStatus.ROUTED, List.copyOf(rules), at);
    }
}
