package io.herald.console;

import io.herald.audit.AuditTrail;
import io.herald.domain.AuditEntry;
import io.herald.domain.EventKey;
import io.herald.domain.Notification;
import io.herald.domain.NotificationStatus;
import io.herald.domain.StoredEvent;
import io.herald.http.HttpResponse;
import io.herald.http.ProblemException;
import io.herald.store.Store;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /console/event?source=..&id=..}: one event's timeline (received, routed, notified, delivered, link
 * opened, answered, written back, SLA checkpoints) with the time since it arrived, and its notifications, failures
 * highlighted with the provider's raw answer.
 */
@ApplicationScoped
public class EventPage {

    /** Steps of the trail that mean something went wrong. */
    static final Set<String> FAILURES = Set.of("unrouted", "routing-given-up", "retrying", "dead", "delivery-failed",
            "refused", "write-back-retrying", "write-back-dead", "sla-checkpoint-given-up");

    private final Store store;
    private final ConsolePages pages;
    private final AuditTrail audit;

    public EventPage(Store store, ConsolePages pages, AuditTrail audit) {
        this.store = store;
        this.pages = pages;
        this.audit = audit;
    }

    /** One step of the timeline; {@code after} is the time since the event was received. */
    @TemplateData
    public record Step(String at, String after, String step, String actor, String detail, boolean failure) {
    }

    /** The event as the page shows it. */
    @TemplateData
    public record Summary(String source, String id, String type, String subject, String receivedAt, String status,
            List<String> matchedRules, String data) {
    }

    /** One notification; {@code replay} links to its replay page when it is dead. */
    @TemplateData
    public record Message(String id, String recipient, String channel, String status, int attempts, String jobId,
            String deliveryState, String lastError, boolean failure, String replay) {
    }

    static String link(EventKey key) {
        return ConsoleRoutes.PREFIX + "/event?source=" + encode(key.source()) + "&id=" + encode(key.id());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** @param caller the operator reading, recorded in the event's audit trail; null when nobody signed in */
    HttpResponse show(Map<String, String> query, String caller) {
        String source = query.get("source");
        String id = query.get("id");
        if (source == null || source.isBlank() || id == null || id.isBlank()) {
            throw new ProblemException(400, "Bad Request", "name the event with the query parameters source and id");
        }
        EventKey key = new EventKey(source, id);
        StoredEvent event = store.findEvent(key)
                .orElseThrow(() -> new ProblemException(404, "Not Found", "no event with that source and id"));
        if (caller != null) {
            audit.record(key, "read", caller, "GET /console/event");
        }
        List<Step> steps = store.auditOf(key).stream().map(entry -> step(entry, event.receivedAt())).toList();
        List<Message> messages = store.notificationsOf(key).stream().map(EventPage::message).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("event", new Summary(event.source(), event.id(), event.type(), event.subject(),
                Times.millis(event.receivedAt()), event.status().name(), event.matchedRules(), event.data()));
        data.put("steps", steps);
        data.put("messages", messages);
        return pages.render(200, "event", data);
    }

    private static Step step(AuditEntry entry, Instant received) {
        return new Step(Times.millis(entry.at()), elapsed(Duration.between(received, entry.at())), entry.step(),
                entry.actor(), entry.detail(), FAILURES.contains(entry.step()));
    }

    private static Message message(Notification n) {
        boolean failure = n.status() == NotificationStatus.DEAD || n.status() == NotificationStatus.FAILED;
        return new Message(n.id(), n.recipient(), n.channel() == null ? "" : n.channel().id(), n.status().name(),
                n.attempts(), n.jobId(), n.deliveryState(), n.lastError(), failure,
                n.status() == NotificationStatus.DEAD ? ReplayPage.link(Replays.NOTIFICATION, n.id()) : null);
    }

    /** {@code +1.234 s}, {@code +2 min 5 s}, {@code +3 h 4 min}. */
    static String elapsed(Duration d) {
        if (d.isNegative()) {
            return "-" + elapsed(d.negated()).substring(1);
        }
        if (d.toMinutes() < 1) {
            return String.format(java.util.Locale.ROOT, "+%.3f s", d.toMillis() / 1000.0);
        }
        if (d.toHours() < 1) {
            return "+" + d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return "+" + d.toHours() + " h " + d.toMinutesPart() + " min";
    }
}
