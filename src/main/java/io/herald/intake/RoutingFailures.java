package io.herald.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.audit.AuditTrail;
import io.herald.domain.AuditEntry;
import io.herald.domain.EventKey;
import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import io.herald.metrics.HeraldMetrics;
import io.herald.store.Store;
import io.herald.work.AlertEvent;
import io.herald.work.FailureAlerts;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps an event whose routing keeps failing from being retried for ever, by intake answering {@code 503} to every
 * redelivery and by every sweep. Each failure is a step in the event's audit trail, so the count survives restarts;
 * the failure that reaches {@code herald.routing.max-attempts} parks the event: an integration-failure alert to the
 * operations group (an event of Herald's own keyed by the failed event, so raised once), then the status
 * {@link EventStatus#FAILED}, after which nothing routes it again. A crash between the alert and the status is
 * completed by the next redelivery or sweep, which finds the limit already reached.
 */
@ApplicationScoped
public class RoutingFailures {

    public static final String SOURCE = "urn:herald:intake";
    public static final String TYPE = "herald.event.unroutable";
    static final String FAILED_STEP = "routing-failed";
    private static final Logger LOG = Logger.getLogger(RoutingFailures.class);
    private static final int MAX_REASON = 300;

    private final Store store;
    private final FailureAlerts alerts;
    private final AuditTrail audit;
    private final HeraldMetrics metrics;
    private final ObjectMapper json;
    private final Clock clock;
    private final int maxAttempts;

    public RoutingFailures(Store store, FailureAlerts alerts, AuditTrail audit, HeraldMetrics metrics,
            ObjectMapper json, Clock clock,
            @ConfigProperty(name = "herald.routing.max-attempts", defaultValue = "10") int maxAttempts) {
        this.store = store;
        this.alerts = alerts;
        this.audit = audit;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /** The id of the alert raised when routing the event is given up. */
    public static String alertId(EventKey event) {
        return "unroutable-" + UUID.nameUUIDFromBytes((event.source() + '\u0000' + event.id())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the event failed to route as often as allowed, so it is to be parked rather than tried again. */
    boolean exhausted(StoredEvent event) {
        return failures(event.key()).size() >= maxAttempts;
    }

    /**
     * Records one failed attempt to route the event.
     *
     * @return whether that was the last attempt allowed
     */
    boolean record(StoredEvent event, RuntimeException failure) {
        metrics.eventRouted("failed");
        audit.record(event.key(), FAILED_STEP, AuditTrail.HERALD, reason(failure));
        return exhausted(event);
    }

    /** Gives routing of the event up: raises the alert, then marks the event FAILED. */
    Acceptance park(StoredEvent event, boolean duplicate) {
        List<AuditEntry> failed = failures(event.key());
        int failures = failed.size();
        String lastReason = failed.isEmpty() ? "" : failed.get(failures - 1).detail();
        if (alerts.raise(alertEvent(event, failures, lastReason))) {
            audit.record(event.key(), "alerted", AuditTrail.HERALD, "group told that routing of this event was"
                    + " given up");
        }
        Instant now = clock.instant();
        if (store.markRoutingFailed(event.key(), now)) {
            metrics.eventRouted("given-up");
            audit.recordOnce(event.key(), "routing-given-up", AuditTrail.HERALD, "after " + failures
                    + " failed attempt(s); not routed again", event.source() + '\u0000' + event.id());
            LOG.errorf("routing of event %s from %s given up after %d failed attempt(s)", event.id(), event.source(),
                    failures);
        }
        return Acceptance.of(event.routingFailed(now), duplicate, store.notificationsOf(event.key()), null);
    }

    /** The failed attempts recorded in the event's audit trail, in time order. */
    private List<AuditEntry> failures(EventKey event) {
        return store.auditOf(event).stream().filter(entry -> FAILED_STEP.equals(entry.step())).toList();
    }

    private StoredEvent alertEvent(StoredEvent failed, int failures, String lastReason) {
        return AlertEvent.of(failed.id(), failed.source(), "ROUTING_FAILED", lastReason,
                        "routing gave up after " + failures + " attempt(s)")
                .with("attempt", failures).with("eventType", failed.type())
                .event(SOURCE, alertId(failed.key()), TYPE, failed.id(), clock.instant(), json);
    }

    private static String reason(RuntimeException failure) {
        String text = failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "..." : text;
    }
}
