package io.herald.audit;

import io.herald.domain.AuditEntry;
import io.herald.domain.EventKey;
import io.herald.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/** Writes the steps of an event's life into the store's audit trail. Details must never hold secrets. */
@ApplicationScoped
public class AuditTrail {

    public static final String HERALD = "herald";

    private final Store store;
    private final Clock clock;

    public AuditTrail(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void record(EventKey event, String step, String actor, String detail) {
        store.appendAudit(new AuditEntry(UUID.randomUUID().toString(), event.source(), event.id(), clock.instant(),
                step, actor, detail));
    }
}
