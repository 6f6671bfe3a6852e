package io.herald.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The events of one rule that share a group key, as one person hears of them on one channel: a count and the
 * first and latest event, whatever their number, so a group costs one row of bounded size.
 *
 * <p>A group opens with its first event and is announced once {@code wait} has passed; events that come later are
 * announced together, no sooner than {@code interval} after the previous announcement. Each announcement is
 * numbered ({@code flushes}); a group quiet for the rule's {@code repeat} after its last announcement is opened
 * afresh by its next event.
 *
 * @param id derived from (rule, group key, recipient, channel), see {@link GroupIds}
 * @param groupKey the values the rule groups by, as people read them, e.g. {@code SAP S/4HANA / EDI-504}
 * @param count events in the group since it opened
 * @param unannounced events not yet in an announcement
 * @param firstItem the first event of the group, as JSON text of bounded size
 * @param latestItem the latest event of the group, likewise
 * @param lastEvent {@link GroupIds#event} of the event counted last: counting it again changes nothing
 * @param notifiedAt when the last announcement was claimed; null before the first
 * @param flushes announcements claimed so far; the next one is number {@code flushes + 1}
 * @param lastAnnounced events the last claimed announcement told of for the first time
 * @param announcing an announcement is claimed but its notification may not be stored yet
 * @param nextFlushAt when the group is next due for the sweep; null when it has nothing to announce
 * @param interval the least time between two announcements of the group
 * @param version optimistic-concurrency counter; every update must name the version it read
 */
public record AlertGroup(
        String id,
        String rule,
        String groupKey,
        String template,
        Priority priority,
        String recipient,
        Channel channel,
        String address,
        String locale,
        String timeZone,
        long count,
        long unannounced,
        String firstItem,
        String latestItem,
        String lastEvent,
        Instant openedAt,
        Instant lastEventAt,
        Instant notifiedAt,
        long flushes,
        long lastAnnounced,
        boolean announcing,
        Instant nextFlushAt,
        Duration interval,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** The group with one more event; when it had nothing to announce, it becomes due at {@code dueAt}. */
    public AlertGroup counted(String item, String event, Instant at, Instant dueAt) {
        Instant next = nextFlushAt != null ? nextFlushAt : dueAt;
        return new AlertGroup(id, rule, groupKey, template, priority, recipient, channel, address, locale, timeZone,
                count + 1, unannounced + 1, firstItem, item, event, openedAt, at, notifiedAt, flushes, lastAnnounced,
                announcing,
                next, interval, createdAt, at, version);
    }

    /** The group opened afresh by {@code item}: a count of one, announced at {@code dueAt}. */
    public AlertGroup reopened(String item, String event, Instant at, Instant dueAt) {
        return new AlertGroup(id, rule, groupKey, template, priority, recipient, channel, address, locale, timeZone,
                1, 1, item, item, event, at, at, notifiedAt, flushes, 0, false, dueAt, interval, createdAt, at,
                version);
    }

    /**
     * The announcement of everything unannounced, claimed: numbered {@code flushes + 1}, due again at
     * {@code retryAt} until {@link #announced} clears the claim (so a crash in between is completed by a sweep).
     */
    public AlertGroup claimed(Instant at, Instant retryAt) {
        return new AlertGroup(id, rule, groupKey, template, priority, recipient, channel, address, locale, timeZone,
                count, 0, firstItem, latestItem, lastEvent, openedAt, lastEventAt, at, flushes + 1, unannounced, true,
                retryAt,
                interval, createdAt, at, version);
    }

    /** The claimed announcement stored: due again {@code interval} after it if events came meanwhile. */
    public AlertGroup announced(Instant at) {
        Instant next = unannounced > 0 ? notifiedAt.plus(interval) : null;
        return new AlertGroup(id, rule, groupKey, template, priority, recipient, channel, address, locale, timeZone,
                count, unannounced, firstItem, latestItem, lastEvent, openedAt, lastEventAt, notifiedAt, flushes,
                lastAnnounced, false, next, interval, createdAt, at, version);
    }

    /** The group with nothing to announce: no longer due. */
    public AlertGroup quiet(Instant at) {
        return new AlertGroup(id, rule, groupKey, template, priority, recipient, channel, address, locale, timeZone,
                count, unannounced, firstItem, latestItem, lastEvent, openedAt, lastEventAt, notifiedAt, flushes,
                lastAnnounced, false, null, interval, createdAt, at, version);
    }

    /** Events the claimed announcement counts: those counted before it was claimed. */
    public long announcedCount() {
        return count - unannounced;
    }

    /** Whether the claimed announcement is the group's first since it opened, rather than an update. */
    public boolean announcesOpening() {
        return lastAnnounced == announcedCount();
    }
}
