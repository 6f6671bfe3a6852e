package io.herald.dispatch;

import io.herald.audit.AuditTrail;
import io.herald.domain.AnnouncementPage;
import io.herald.domain.AnnouncementPageStatus;
import io.herald.domain.StoredEvent;
import io.herald.metrics.HeraldMetrics;
import io.herald.notifier.Notifier;
import io.herald.notifier.OutboundMessage;
import io.herald.notifier.SendFailure;
import io.herald.notifier.SubmitReceipt;
import io.herald.outbox.Outbox;
import io.herald.store.AnnouncementStore;
import io.herald.store.Store;
import io.herald.work.DispatchConfig;
import io.herald.work.DispatchQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Sends one page of an announcement through the {@link Outbox}, which claims it, retries it and gives it up: one
 * submission to all the page's members, whose submit id is the page's id, so a page sent again is delivered once.
 * The expiry is checked right before sending: a page of an announcement expired meanwhile is recorded
 * {@link AnnouncementPageStatus#EXPIRED} and not sent. A withdrawn page is no longer waiting and is never claimed. A
 * sent page's deliveries are then checked ({@link PageDeliveryCheck}).
 */
@ApplicationScoped
public class PageSender {

    private static final Logger LOG = Logger.getLogger(PageSender.class);

    private final AnnouncementStore pages;
    private final Store store;
    private final Notifier notifier;
    private final MessageRenderer renderer;
    private final AuditTrail audit;
    private final HeraldMetrics metrics;
    private final Clock clock;
    private final Outbox<AnnouncementPage> outbox;
    private final DispatchQueue queue;
    private final DispatchConfig config;

    PageSender(AnnouncementStore pages, Store store, Notifier notifier, MessageRenderer renderer,
            PageOutbox outboxKind, AuditTrail audit, HeraldMetrics metrics, DispatchQueue queue,
            DispatchConfig config, Clock clock) {
        this.queue = queue;
        this.config = config;
        this.pages = pages;
        this.store = store;
        this.notifier = notifier;
        this.renderer = renderer;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
        this.outbox = new Outbox<>(outboxKind, clock);
    }

    /** Sends the page if it is due and nobody else holds it; raises the alert of a page given up instead. */
    public void send(String pageId) {
        outbox.deliver(pageId, this::attempt);
    }

    private void attempt(AnnouncementPage page) throws SendFailure {
        if (page.expiredBy(clock.instant())) {
            expire(page);
            return;
        }
        StoredEvent event = store.findEvent(page.eventKey()).orElse(null);
        if (event == null) {
            outbox.giveUp(page, "MISSING_EVENT", "the event of this announcement is not in the store");
            return;
        }
        OutboundMessage message;
        try {
            message = renderer.render(page, event);
        } catch (RenderingException e) {
            outbox.giveUp(page, "TEMPLATE", e.getMessage());
            return;
        }
        Instant started = clock.instant();
        SubmitReceipt receipt = notifier.submit(message);
        metrics.notificationSent(page.channel(), Duration.between(started, clock.instant()));
        if (pages.updatePage(page.sent(receipt.jobId(), clock.instant())).isEmpty()) {
            LOG.warnf("announcement page %s was changed while it was being sent", page.id());
        }
        audit.record(page.eventKey(), "sent", AuditTrail.HERALD, PageOutbox.describe(page) + ", attempt "
                + page.attempts() + ", job " + receipt.jobId());
        queue.checkPageStatus(page.id(), config.statusPollDelay());
    }

    private void expire(AnnouncementPage page) {
        if (pages.updatePage(page.dropped(AnnouncementPageStatus.EXPIRED, clock.instant())).isPresent()) {
            audit.record(page.eventKey(), "expired", AuditTrail.HERALD, PageOutbox.describe(page)
                    + " not sent: the announcement expired at " + page.expiresAt());
        }
    }
}
