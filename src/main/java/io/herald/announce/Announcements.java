package io.herald.announce;

import io.herald.audit.AuditTrail;
import io.herald.domain.AnnouncementIds;
import io.herald.domain.AnnouncementPage;
import io.herald.domain.AnnouncementPageStatus;
import io.herald.domain.StoredEvent;
import io.herald.routing.PlannedAnnouncement;
import io.herald.routing.PlannedWithdrawal;
import io.herald.store.AnnouncementStore;
import io.herald.work.DispatchQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes announcements and withdraws them. Publishing stores every page at once ({@link AnnouncementPages}), so
 * what the audience is was decided once and survives a restart; pages due within {@link #WAKE_AHEAD} are woken on
 * the dispatch queue with their delay, later ones by the sweep once due. Routing the same event again stores
 * nothing twice; another event publishing the same key again changes nothing at all.
 *
 * <p>Withdrawing marks the pages still waiting {@link AnnouncementPageStatus#WITHDRAWN}; a page being sent at that
 * moment goes out. The withdrawal is remembered ({@link AnnouncementStore#recordWithdrawal}), so an announcement
 * published after its withdrawal (the two events crossed on their way) stores its pages withdrawn and sends nothing.
 */
@ApplicationScoped
public class Announcements {

    /** How far ahead publishing wakes pages itself; the sweep wakes the later ones. */
    static final Duration WAKE_AHEAD = Duration.ofMinutes(15);
    private static final int PAGES_PER_READ = 100;
    private static final int MAX_ATTEMPTS = 10;

    private final AnnouncementStore pages;
    private final DispatchQueue queue;
    private final AuditTrail audit;
    private final Clock clock;

    public Announcements(AnnouncementStore pages, DispatchQueue queue, AuditTrail audit, Clock clock) {
        this.pages = pages;
        this.queue = queue;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What publishing or withdrawing did to one announcement, as intake answers it.
     *
     * @param status {@code scheduled} (pages stored, waiting for their time), {@code sending}, {@code expired}
     *        (stored as expired, not sent), {@code unchanged} (published before), {@code empty} (nobody to address)
     *        or {@code withdrawn}: withdrawing it, or publishing it after it was withdrawn (pages stored as
     *        withdrawn, not sent); a withdrawal with {@code pages} 0 came before the announcement
     */
    public record Announced(String id, String rule, String key, int members, int pages, String status) {
    }

    public List<Announced> publish(StoredEvent event, List<PlannedAnnouncement> planned) {
        List<Announced> announced = new ArrayList<>(planned.size());
        for (PlannedAnnouncement announcement : planned) {
            announced.add(publish(event, announcement));
        }
        return announced;
    }

    public List<Announced> withdraw(StoredEvent event, List<PlannedWithdrawal> withdrawals) {
        List<Announced> withdrawn = new ArrayList<>(withdrawals.size());
        for (PlannedWithdrawal withdrawal : withdrawals) {
            withdrawn.add(withdraw(event, withdrawal));
        }
        return withdrawn;
    }

    /**
     * What an event routed before published and withdrew, for the answer to its duplicate; changes nothing. Each
     * publication is {@code unchanged} (or {@code empty}), with the pages stored for it; each withdrawal
     * {@code withdrawn}.
     */
    public List<Announced> routedBefore(StoredEvent event, List<PlannedAnnouncement> planned,
            List<PlannedWithdrawal> withdrawals) {
        List<Announced> announced = new ArrayList<>(planned.size() + withdrawals.size());
        for (PlannedAnnouncement announcement : planned) {
            String id = AnnouncementIds.of(announcement.rule(), event.source(), announcement.key());
            int pageCount = pages.findPage(AnnouncementIds.page(id, 1)).map(AnnouncementPage::pageCount).orElse(0);
            announced.add(new Announced(id, announcement.rule(), announcement.key(), announcement.members().size(),
                    pageCount, pageCount == 0 ? "empty" : "unchanged"));
        }
        for (PlannedWithdrawal withdrawal : withdrawals) {
            String id = AnnouncementIds.of(withdrawal.rule(), event.source(), withdrawal.key());
            int pageCount = pages.findPage(AnnouncementIds.page(id, 1)).map(AnnouncementPage::pageCount).orElse(0);
            announced.add(new Announced(id, withdrawal.rule(), withdrawal.key(), 0, pageCount, "withdrawn"));
        }
        return announced;
    }

    private Announced publish(StoredEvent event, PlannedAnnouncement planned) {
        String id = AnnouncementIds.of(planned.rule(), event.source(), planned.key());
        int members = planned.members().size();
        Optional<AnnouncementPage> first = pages.findPage(AnnouncementIds.page(id, 1));
        if (first.isPresent() && !first.get().eventKey().equals(event.key())) {
            audit.record(event.key(), "announced", AuditTrail.HERALD, "announcement " + id + " of rule "
                    + planned.rule() + " was published before by event " + first.get().eventId() + "; nothing sent");
            return new Announced(id, planned.rule(), planned.key(), members, first.get().pageCount(), "unchanged");
        }
        Instant now = clock.instant();
        List<AnnouncementPage> built = AnnouncementPages.of(id, planned, event, now);
        boolean expired = planned.expiresAt() != null && !now.isBefore(planned.expiresAt());
        boolean withdrawnBefore = pages.withdrawnAt(id).isPresent();
        List<AnnouncementPage> inserted = new ArrayList<>(built.size());
        for (AnnouncementPage page : built) {
            AnnouncementPage stored = withdrawnBefore ? page.dropped(AnnouncementPageStatus.WITHDRAWN, now)
                    : expired ? page.dropped(AnnouncementPageStatus.EXPIRED, now) : page;
            // A page stored by an earlier attempt at routing this event is the sweep's to wake, as one whose
            // wake-up call was lost: waking it here too would send a second call for every such page.
            if (pages.insertPage(stored)) {
                inserted.add(stored);
            }
        }
        // A withdrawal recorded since the look above may have read the pages before they were all stored: it is
        // recorded before it reads them, so looking again after storing them misses none.
        if (!withdrawnBefore && !inserted.isEmpty() && pages.withdrawnAt(id).isPresent()) {
            inserted.forEach(this::withdrawn);
            withdrawnBefore = true;
        } else {
            inserted.forEach(page -> wake(page, now));
        }
        if (withdrawnBefore && !built.isEmpty()) {
            audit.record(event.key(), "announced", AuditTrail.HERALD, "announcement " + id + " of rule "
                    + planned.rule() + ": " + members + " member(s) in " + built.size() + " page(s), withdrawn "
                    + "before it was published; nothing sent");
            return new Announced(id, planned.rule(), planned.key(), members, built.size(), "withdrawn");
        }
        String status = built.isEmpty() ? "empty" : expired ? "expired"
                : built.get(0).sendAt().isAfter(now) ? "scheduled" : "sending";
        audit.record(event.key(), "announced", AuditTrail.HERALD, "announcement " + id + " of rule " + planned.rule()
                + ": " + members + " member(s) in " + built.size() + " page(s), " + status
                + (expired ? " (expired at " + planned.expiresAt() + ", not sent)" : " from "
                        + built.stream().findFirst().map(AnnouncementPage::sendAt).orElse(now)));
        return new Announced(id, planned.rule(), planned.key(), members, built.size(), status);
    }

    private void wake(AnnouncementPage page, Instant now) {
        if (!page.waiting() || page.nextAttemptAt().isAfter(now.plus(WAKE_AHEAD))) {
            return;
        }
        Duration wait = Duration.between(now, page.nextAttemptAt());
        queue.sendPage(page.id(), wait.isNegative() ? Duration.ZERO : wait);
    }

    private Announced withdraw(StoredEvent event, PlannedWithdrawal withdrawal) {
        String id = AnnouncementIds.of(withdrawal.rule(), event.source(), withdrawal.key());
        // Recorded before the pages are read: see publish, which looks for it after storing its pages.
        pages.recordWithdrawal(id, clock.instant());
        int members = 0;
        int pageCount = 0;
        int stopped = 0;
        List<AnnouncementPage> read;
        int from = 1;
        do {
            read = pages.pagesOf(id, from, PAGES_PER_READ);
            for (AnnouncementPage page : read) {
                pageCount++;
                members += page.members().size();
                if (withdrawn(page)) {
                    stopped++;
                }
            }
            from += read.size();
        } while (read.size() == PAGES_PER_READ);
        audit.record(event.key(), "withdrawn", AuditTrail.HERALD, pageCount == 0
                ? "announcement " + id + " of rule " + withdrawal.rule() + " withdrawn before it was published: "
                        + "publishing it later sends nothing"
                : "announcement " + id + " of rule " + withdrawal.rule() + " withdrawn: " + stopped + " of "
                        + pageCount + " page(s) not sent");
        return new Announced(id, withdrawal.rule(), withdrawal.key(), members, pageCount, "withdrawn");
    }

    /** @return whether this call stopped the page; one sent, being sent or stopped before is left as it is */
    private boolean withdrawn(AnnouncementPage page) {
        AnnouncementPage current = page;
        for (int attempt = 0; attempt < MAX_ATTEMPTS && current.waiting(); attempt++) {
            if (pages.updatePage(current.dropped(AnnouncementPageStatus.WITHDRAWN, clock.instant())).isPresent()) {
                return true;
            }
            Optional<AnnouncementPage> reread = pages.findPage(page.id());
            if (reread.isEmpty()) {
                return false;
            }
            current = reread.get();
        }
        return false;
    }
}
