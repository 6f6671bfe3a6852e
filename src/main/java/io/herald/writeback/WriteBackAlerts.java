package io.herald.writeback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.audit.AuditTrail;
import io.herald.domain.EventKey;
import io.herald.domain.StoredEvent;
import io.herald.domain.WriteBack;
import io.herald.store.TaskStore;
import io.herald.work.AlertEvent;
import io.herald.work.DispatchConfig;
import io.herald.work.FailureAlerts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Tells the operations group that a write-back was given up: an integration-failure alert like the one for an
 * undeliverable notification, as an event of Herald's own ({@code herald.writeback.dead}) keyed by the write-back,
 * so it is raised once however often it is asked for. The dead write-back names the alert it owes
 * ({@link WriteBack#alertOwed}); once raised, the debt is cleared.
 */
@ApplicationScoped
public class WriteBackAlerts {

    public static final String SOURCE = "urn:herald:writeback";
    public static final String TYPE = "herald.writeback.dead";

    private final FailureAlerts alerts;
    private final TaskStore store;
    private final AuditTrail audit;
    private final DispatchConfig dispatch;
    private final ObjectMapper json;
    private final Clock clock;

    public WriteBackAlerts(FailureAlerts alerts, TaskStore store, AuditTrail audit, DispatchConfig dispatch,
            ObjectMapper json, Clock clock) {
        this.alerts = alerts;
        this.store = store;
        this.audit = audit;
        this.dispatch = dispatch;
        this.json = json;
        this.clock = clock;
    }

    /** The id of the alert event raised for a dead write-back. */
    public static String alertId(String writeBackId) {
        return "writeback-dead-" + writeBackId;
    }

    /**
     * Raises the alert the write-back owes, then records it raised. Repeating it, concurrently too, raises one
     * alert; a write-back that owes nothing is left alone.
     */
    public void raiseOwed(WriteBack owing) {
        if (!owing.owesAlert()) {
            return;
        }
        if (alerts.raise(alertEvent(owing, owing.alertOwed(), owing.lastError()))) {
            audit.record(new EventKey(owing.eventSource(), owing.eventId()), "alerted", AuditTrail.HERALD, "group "
                    + dispatch.alerts().group() + " told that write-back " + owing.id() + " was given up");
        }
        store.updateWriteBack(owing.alerted(clock.instant()));
    }

    private StoredEvent alertEvent(WriteBack dead, String errorCode, String reason) {
        return AlertEvent.of(dead.id(), dead.entity().system(), errorCode, reason,
                        "write-back gave up after " + dead.attempts() + " attempt(s)")
                .with("attempt", dead.attempts()).with("writeBackId", dead.id()).with("kind", dead.kind())
                .with("action", dead.action()).with("entityType", dead.entity().type())
                .with("entityId", dead.entity().id()).with("taskId", dead.taskId())
                .with("eventSource", dead.eventSource()).with("eventId", dead.eventId())
                .event(SOURCE, alertId(dead.id()), TYPE, dead.id(), clock.instant(), json);
    }
}
