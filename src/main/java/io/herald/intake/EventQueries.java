package io.herald.intake;

import io.herald.audit.AuditTrail;
import io.herald.domain.AuditEntry;
import io.herald.domain.EventKey;
import io.herald.domain.Notification;
import io.herald.domain.StoredEvent;
import io.herald.http.ProblemException;
import io.herald.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Read-only views of stored events for operators and the README tour. */
@ApplicationScoped
public class EventQueries {

    private static final int MAX_LIMIT = 500;

    private final Store store;
    private final AuditTrail audit;

    public EventQueries(Store store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    /** One event with its notifications and audit trail. */
    public record EventView(StoredEvent event, List<Notification> notifications, List<AuditEntry> audit) {
    }

    /** @param caller the operator reading, recorded in the event's audit trail; null when nobody signed in */
    public EventView event(Map<String, String> query, String caller) {
        String source = query.get("source");
        String id = query.get("id");
        if (source == null || source.isBlank() || id == null || id.isBlank()) {
            throw new ProblemException(400, "Bad Request", "name the event with the query parameters source and id");
        }
        EventKey key = new EventKey(source, id);
        StoredEvent event = store.findEvent(key)
                .orElseThrow(() -> new ProblemException(404, "Not Found", "no event with that source and id"));
        EventView view = new EventView(event, store.notificationsOf(key), store.auditOf(key));
        if (caller != null) {
            audit.record(key, "read", caller, "GET /events");
        }
        return view;
    }

    public Map<String, List<StoredEvent>> unrouted(Map<String, String> query) {
        return Map.of("events", store.unroutedEvents(limit(query.get("limit"))));
    }

    private static int limit(String value) {
        if (value == null) {
            return 50;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "Bad Request", "limit must be a whole number from 1 to " + MAX_LIMIT);
        }
    }
}
