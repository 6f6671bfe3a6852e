package io.herald.store;

import io.herald.domain.AnnouncementPage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable memory of the pages announcements are sent in ({@link AnnouncementPage}): one row per page, holding its
 * members with each one's delivery state, so an audience of any size is stored, sent and reported on in bounded
 * pieces. A member's state changes through {@link #updatePage} like the rest of the page.
 *
 * <p>Like {@link Store}: every write is an insert-if-absent or an update conditional on the version read, so a
 * key-value store implements it without transactions; when a method returns the write is durable; instants are
 * kept to the microsecond (finer parts truncated). Implementations are thread-safe.
 */
public interface AnnouncementStore {

    /** @return false if a page with the same id exists (left untouched) */
    boolean insertPage(AnnouncementPage page);

    Optional<AnnouncementPage> findPage(String id);

    /**
     * Replaces a page if its stored version is still {@code updated.version()}; the stored copy then carries
     * version + 1.
     *
     * @return the stored page, or empty if someone else changed it first (or it does not exist)
     */
    Optional<AnnouncementPage> updatePage(AnnouncementPage updated);

    /**
     * Pages of one announcement in page order, from page number {@code fromPage} (counted from 1), at most
     * {@code limit}; empty when the announcement has no such page.
     */
    List<AnnouncementPage> pagesOf(String announcementId, int fromPage, int limit);

    /**
     * Pages due for a delivery step: {@code nextAttemptAt} at or before {@code dueBy}, earliest first. Final pages
     * have none and are never read. A store with eventually consistent indexes may return a page an update behind:
     * act on it through {@link #updatePage}, whose version condition refuses a stale copy.
     */
    List<AnnouncementPage> duePages(Instant dueBy, int limit);

    /**
     * {@link io.herald.domain.AnnouncementPageStatus#SENT} pages sent at or after {@code sentSince} (a sent page's
     * {@code updatedAt}), oldest first, at most {@code limit}, for asking again how their deliveries went after a
     * restart lost the checks queued in memory. Pages whose every member's state is final may be among them, or
     * not: callers skip them. Like {@link #duePages}, a store may return a page an update behind.
     */
    List<AnnouncementPage> awaitingDeliveryStatus(Instant sentSince, int limit);

    /**
     * Remembers that an announcement was withdrawn, whether it is published yet or not, so that publishing it
     * later sends nothing. The first withdrawal's time is kept.
     *
     * @return false if a withdrawal of it was recorded before (left untouched)
     */
    boolean recordWithdrawal(String announcementId, Instant at);

    /** @return when the announcement was first withdrawn ({@link #recordWithdrawal}), or empty if it never was */
    Optional<Instant> withdrawnAt(String announcementId);
}
