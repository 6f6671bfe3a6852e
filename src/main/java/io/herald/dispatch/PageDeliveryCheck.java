package io.herald.dispatch;

import io.herald.audit.AuditTrail;
import io.herald.domain.AnnouncementPage;
import io.herald.domain.AnnouncementPageStatus;
import io.herald.domain.MemberState;
import io.herald.domain.PageMember;
import io.herald.metrics.HeraldMetrics;
import io.herald.notifier.DeliveryReport;
import io.herald.notifier.Notifier;
import io.herald.store.AnnouncementStore;
import io.herald.work.DispatchQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Learns what became of each member of a sent announcement page: asks OpenText Notifications for every delivery of
 * the page's one job in one call, and records each member's report on the page. Asks again later while some
 * delivery is still in progress, up to the configured window, as {@link DeliveryStatusCheck} does for single
 * notifications. Status pushes are recorded the same way ({@link #record}).
 *
 * <p>A member's {@link MemberState#DELIVERED} or {@link MemberState#FAILED} is final: a report arriving after it (a
 * late "Submitted", a push out of order) changes nothing. Recording the same report twice writes nothing.
 */
@ApplicationScoped
public class PageDeliveryCheck {

    private static final Logger LOG = Logger.getLogger(PageDeliveryCheck.class);
    static final String LOOP = "page-status-check";
    /** Status pushes and checks of one page may meet; each reads the page again and retries this often. */
    private static final int MAX_ATTEMPTS = 10;

    private final AnnouncementStore pages;
    private final Notifier notifier;
    private final DispatchQueue queue;
    private final AuditTrail audit;
    private final HeraldMetrics metrics;
    private final StatusPolls polls;
    private final Clock clock;

    PageDeliveryCheck(AnnouncementStore pages, Notifier notifier, DispatchQueue queue, AuditTrail audit,
            HeraldMetrics metrics, StatusPolls polls, Clock clock) {
        this.pages = pages;
        this.notifier = notifier;
        this.queue = queue;
        this.audit = audit;
        this.metrics = metrics;
        this.polls = polls;
        this.clock = clock;
    }

    public void check(String pageId) {
        AnnouncementPage page = pages.findPage(pageId).orElse(null);
        if (page == null || page.status() != AnnouncementPageStatus.SENT || page.jobId() == null || page.settled()) {
            return;
        }
        List<String> refs = page.members().stream().filter(member -> !member.memberState().isFinal())
                .map(page::memberRef).toList();
        Optional<Map<String, DeliveryReport>> reports = polls.ask("page " + page.id(), LOOP,
                () -> notifier.statuses(page.channel(), page.jobId(), refs), () -> askAgain(page));
        reports.ifPresent(answer -> recordAnswer(page, answer));
    }

    private void recordAnswer(AnnouncementPage page, Map<String, DeliveryReport> reports) {
        Map<String, DeliveryReport> byUser = new LinkedHashMap<>();
        String prefix = page.id() + AnnouncementPage.REF_SEPARATOR;
        reports.forEach((ref, report) -> {
            if (ref.startsWith(prefix)) {
                byUser.put(ref.substring(prefix.length()), report);
            }
        });
        record(page.id(), byUser).filter(recorded -> !recorded.settled()).ifPresent(this::askAgain);
    }

    /**
     * Records what the provider reports about members of a sent page, from the status endpoint or a push. Reports
     * about a page not sent, or about users not on it, change nothing.
     *
     * @param reports by the member's user id
     * @return the page as stored afterwards (as last read, should every attempt meet a concurrent change); empty
     *         when there is no such sent page
     */
    public Optional<AnnouncementPage> record(String pageId, Map<String, DeliveryReport> reports) {
        AnnouncementPage page = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            page = pages.findPage(pageId).orElse(null);
            if (page == null || page.status() != AnnouncementPageStatus.SENT) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            List<PageMember> members = new ArrayList<>(page.members().size());
            List<PageMember> settledNow = new ArrayList<>();
            for (PageMember member : page.members()) {
                PageMember reported = reported(member, reports.get(member.user()), now);
                members.add(reported);
                if (reported != member && reported.memberState().isFinal()) {
                    settledNow.add(reported);
                }
            }
            if (members.equals(page.members())) {
                return Optional.of(page);
            }
            Optional<AnnouncementPage> stored = pages.updatePage(page.withMembers(members));
            if (stored.isPresent()) {
                recorded(stored.get(), settledNow);
                return stored;
            }
        }
        LOG.warnf("delivery reports of page %s met %d concurrent changes; not recorded now, the next check asks again",
                pageId, MAX_ATTEMPTS);
        return Optional.ofNullable(page);
    }

    /** @return the member with the report applied, or {@code member} itself when it changes nothing */
    private static PageMember reported(PageMember member, DeliveryReport report, Instant now) {
        if (report == null || member.memberState().isFinal()) {
            return member;
        }
        MemberState state = switch (report.outcome()) {
            case DELIVERED -> MemberState.DELIVERED;
            case FAILED -> MemberState.FAILED;
            case IN_PROGRESS -> member.memberState();
        };
        String reason = report.reason() == null ? member.reason() : report.reason();
        if (state == member.memberState() && Objects.equals(reason, member.reason())) {
            return member;
        }
        return member.reported(state, reason, now);
    }

    private void recorded(AnnouncementPage page, List<PageMember> settledNow) {
        if (settledNow.isEmpty()) {
            return;
        }
        List<PageMember> failed = settledNow.stream().filter(m -> m.memberState() == MemberState.FAILED).toList();
        int delivered = settledNow.size() - failed.size();
        metrics.notificationsDelivered(page.channel(), "delivered", delivered);
        metrics.notificationsDelivered(page.channel(), "failed", failed.size());
        // One entry a recording, not one a member: a page may reach a thousand people.
        audit.record(page.eventKey(), failed.isEmpty() ? "delivered" : "delivery-failed", AuditTrail.HERALD,
                PageOutbox.describe(page) + ": " + delivered + " delivered, " + failed.size() + " failed"
                        + (failed.isEmpty() ? "" : " (" + String.join(", ", failed.stream().limit(5)
                                .map(m -> m.user() + ": " + m.reason()).toList())
                                + (failed.size() > 5 ? ", ..." : "") + ")"));
    }

    /** A sent page's {@code updatedAt} is when it was sent: reports leave it as it is. */
    private void askAgain(AnnouncementPage page) {
        polls.nextCheck(page.updatedAt()).ifPresent(delay -> queue.checkPageStatus(page.id(), delay));
    }
}
