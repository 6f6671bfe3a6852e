package io.herald.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.audit.AuditTrail;
import io.herald.domain.AnnouncementPage;
import io.herald.metrics.HeraldMetrics;
import io.herald.outbox.OutboxKind;
import io.herald.outbox.RetryPolicy;
import io.herald.store.AnnouncementStore;
import io.herald.work.AlertEvent;
import io.herald.work.DispatchConfig;
import io.herald.work.DispatchQueue;
import io.herald.work.FailureAlerts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Announcement pages as outgoing work: stored in the {@link AnnouncementStore}, woken on the dispatch queue, retried
 * as notifications are. A page given up raises the same integration-failure alert as an undeliverable notification.
 */
@ApplicationScoped
class PageOutbox implements OutboxKind<AnnouncementPage> {

    private final AnnouncementStore pages;
    private final DispatchQueue queue;
    private final FailureAlerts alerts;
    private final AuditTrail audit;
    private final HeraldMetrics metrics;
    private final ObjectMapper json;
    private final Clock clock;
    private final RetryPolicy policy;

    PageOutbox(AnnouncementStore pages, DispatchQueue queue, FailureAlerts alerts, AuditTrail audit,
            HeraldMetrics metrics, DispatchConfig config, ObjectMapper json, Clock clock) {
        this.pages = pages;
        this.queue = queue;
        this.alerts = alerts;
        this.audit = audit;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        this.policy = config.retryPolicy();
    }

    @Override
    public String name() {
        return "announcement page";
    }

    @Override
    public RetryPolicy policy() {
        return policy;
    }

    @Override
    public Optional<AnnouncementPage> find(String id) {
        return pages.findPage(id);
    }

    @Override
    public Optional<AnnouncementPage> update(AnnouncementPage changed) {
        return pages.updatePage(changed);
    }

    @Override
    public void wake(String id, Duration delay) {
        queue.sendPage(id, delay);
    }

    /** Keyed by the page, so that raising it again raises nothing more. */
    @Override
    public void raiseOwed(AnnouncementPage owing) {
        if (!owing.owesAlert()) {
            return;
        }
        alerts.raise(AlertEvent.of(owing.eventId(), owing.eventSource(), owing.alertOwed(), owing.lastError(),
                        "gave up after " + owing.attempts() + " attempt(s)")
                .with("announcementId", owing.announcementId()).with("page", owing.number())
                .with("members", owing.members().size()).with("channel", owing.channel().id())
                .event(FailureAlerts.SOURCE, "undeliverable-" + owing.id(), FailureAlerts.TYPE, owing.id(),
                        clock.instant(), json));
        pages.updatePage(owing.alerted(clock.instant()));
    }

    @Override
    public void retrying(AnnouncementPage failed, String errorCode, Duration delay) {
        metrics.notificationFailed(failed.channel(), "retry");
        audit.record(failed.eventKey(), "retrying", AuditTrail.HERALD, describe(failed) + ": attempt "
                + failed.attempts() + " got " + errorCode + "; next attempt in " + delay.toMillis() + " ms");
    }

    @Override
    public void gaveUp(AnnouncementPage dead, String errorCode) {
        metrics.notificationFailed(dead.channel(), "dead");
        audit.record(dead.eventKey(), "dead", AuditTrail.HERALD, describe(dead) + " given up after "
                + dead.attempts() + " attempt(s): " + errorCode);
    }

    static String describe(AnnouncementPage page) {
        return "page " + page.number() + "/" + page.pageCount() + " of announcement " + page.announcementId() + " ("
                + page.channel().id() + " to " + page.members().size() + ")";
    }
}
