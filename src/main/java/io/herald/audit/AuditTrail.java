package io.herald.audit;

import io.herald.domain.AuditEntry;
import io.herald.domain.EventKey;
import io.herald.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
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
        append(UUID.randomUUID().toString(), event, step, actor, detail);
    }

    /** Records a step that may be repeated after a crash: the same {@code identity} is recorded once. */
    public void recordOnce(EventKey event, String step, String actor, String detail, String identity) {
        append(UUID.nameUUIDFromBytes((step + '\u0000' + identity).getBytes(StandardCharsets.UTF_8)).toString(),
                event, step, actor, detail);
    }

    /** An entry as {@link #record} would append it, for a caller that stores it together with other writes. */
    public AuditEntry entry(EventKey event, String step, String actor, String detail) {
        return new AuditEntry(UUID.randomUUID().toString(), event.source(), event.id(), clock.instant(), step, actor,
                detail);
    }

    private void append(String id, EventKey event, String step, String actor, String detail) {
        store.appendAudit(new AuditEntry(id, event.source(), event.id(), clock.instant(), step, actor, detail));
    }
}
