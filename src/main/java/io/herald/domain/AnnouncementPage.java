package io.herald.domain;

import java.time.Instant;
import java.util.List;

/**
 * One page of an announcement: a bounded number of people on one channel, who share a language and time zone, sent
 * as one submission to OpenText Notifications. Its id ({@link AnnouncementIds#page}) is the submission's submit id,
 * so a page sent again after a failure or a restart is delivered once.
 *
 * @param number the page's number within the announcement, from 1
 * @param pageCount how many pages the announcement has
 * @param eventSource source of the event that published the announcement (its data fills the template)
 * @param sendAt when the announcement is to go out
 * @param expiresAt when it no longer should; null when it does not expire
 * @param nextAttemptAt for PENDING the earliest next attempt; for SENDING the end of the lease; for DEAD the time
 *        from which its owed alert is due; null once final
 * @param alertOwed for a DEAD page whose integration-failure alert is not raised yet, its error code; else null
 * @param version optimistic-concurrency counter; every update must name the version it read
 */
public record AnnouncementPage(
        String id,
        String announcementId,
        int number,
        int pageCount,
        String rule,
        String template,
        Priority priority,
        Channel channel,
        String locale,
        String timeZone,
        String eventSource,
        String eventId,
        List<PageMember> members,
        AnnouncementPageStatus status,
        int attempts,
        Instant sendAt,
        Instant expiresAt,
        Instant nextAttemptAt,
        String jobId,
        String lastError,
        String alertOwed,
        Instant createdAt,
        Instant updatedAt,
        long version) implements Deliverable<AnnouncementPage> {

    /** Separates the page's id from the member's user id in a delivery reference; no page id contains it. */
    public static final char REF_SEPARATOR = '/';

    public AnnouncementPage {
        members = List.copyOf(members);
    }

    public EventKey eventKey() {
        return new EventKey(eventSource, eventId);
    }

    @Override
    public boolean waiting() {
        return status == AnnouncementPageStatus.PENDING;
    }

    @Override
    public boolean leased() {
        return status == AnnouncementPageStatus.SENDING;
    }

    @Override
    public boolean owesAlert() {
        return status == AnnouncementPageStatus.DEAD && alertOwed != null;
    }

    /** Whether every member's delivery state is final: nothing more is to be learnt about this page. */
    public boolean settled() {
        return members.stream().allMatch(member -> member.memberState().isFinal());
    }

    /** Whether the announcement has expired by {@code now}. */
    public boolean expiredBy(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    @Override
    public AnnouncementPage claimed(Instant leaseUntil, Instant now) {
        return next(AnnouncementPageStatus.SENDING, attempts + 1, leaseUntil, jobId, lastError, null, now);
    }

    @Override
    public AnnouncementPage retryAt(Instant next, String error, Instant now) {
        return next(AnnouncementPageStatus.PENDING, attempts, next, jobId, error, null, now);
    }

    @Override
    public AnnouncementPage dead(String errorCode, String error, Instant now) {
        return next(AnnouncementPageStatus.DEAD, attempts, now, jobId, error,
                Notification.alertCode(errorCode), now);
    }

    public AnnouncementPage sent(String newJobId, Instant now) {
        return next(AnnouncementPageStatus.SENT, attempts, null, newJobId, lastError, null, now);
    }

    /**
     * Not sent, and never will be: {@link AnnouncementPageStatus#EXPIRED} or {@link AnnouncementPageStatus#WITHDRAWN}.
     */
    public AnnouncementPage dropped(AnnouncementPageStatus reason, Instant now) {
        return next(reason, attempts, null, jobId, lastError, null, now);
    }

    /**
     * The page with its members' delivery states replaced, as the provider reported them. Its own status, times and
     * {@code updatedAt} stay as they are: {@code updatedAt} of a sent page is when it was sent.
     */
    public AnnouncementPage withMembers(List<PageMember> reported) {
        return new AnnouncementPage(id, announcementId, number, pageCount, rule, template, priority, channel, locale,
                timeZone, eventSource, eventId, reported, status, attempts, sendAt, expiresAt, nextAttemptAt, jobId,
                lastError, alertOwed, createdAt, updatedAt, version);
    }

    /** The delivery reference of a member in the provider's answers: {@code <page id>/<user id>}. */
    public String memberRef(PageMember member) {
        return id + REF_SEPARATOR + member.user();
    }

    /** The owed alert was raised. */
    public AnnouncementPage alerted(Instant now) {
        return new AnnouncementPage(id, announcementId, number, pageCount, rule, template, priority, channel, locale,
                timeZone, eventSource, eventId, members, status, attempts, sendAt, expiresAt, null, jobId, lastError,
                null, createdAt, now, version);
    }

    private AnnouncementPage next(AnnouncementPageStatus newStatus, int newAttempts, Instant newNextAttemptAt,
            String newJobId, String newLastError, String newAlertOwed, Instant now) {
        List<PageMember> changed = members.stream().map(member -> member.in(newStatus)).toList();
        return new AnnouncementPage(id, announcementId, number, pageCount, rule, template, priority, channel, locale,
                timeZone, eventSource, eventId, changed, newStatus, newAttempts, sendAt, expiresAt, newNextAttemptAt,
                newJobId, newLastError, newAlertOwed, createdAt, now, version);
    }
}
