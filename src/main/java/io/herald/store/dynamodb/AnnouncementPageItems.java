package io.herald.store.dynamodb;

import io.herald.domain.AnnouncementPage;
import io.herald.domain.AnnouncementPageStatus;
import io.herald.domain.Channel;
import io.herald.domain.Priority;
import io.herald.store.PageMembersJson;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Announcement pages as items of table {@code groups}, beside the groups: keyed {@value #KEY_PREFIX} and the page's
 * id, so no group's id can meet one. A page still to send sits in the sparse index {@value GroupItems#BY_DUE} under
 * a partition of its own ({@value #DUE}), ordered by its next attempt, so neither sweep reads the other's items. A
 * sent page whose deliveries are not all known sits there under {@value #AWAITING_STATUS}, ordered by its sending
 * time, for the checks a restart asks again.
 */
final class AnnouncementPageItems {

    static final String KEY_PREFIX = "page#";
    /** The value of {@value GroupItems#DUE_FLAG} of every page with a next attempt. */
    static final String DUE = "PAGE";
    /** The value of {@value GroupItems#DUE_FLAG} of a sent page with a member whose delivery is not known yet. */
    static final String AWAITING_STATUS = "PAGE-SENT";
    private static final String ANNOUNCEMENT_ID = "announcement_id";
    private static final String PAGE_NO = "page_no";
    private static final String PAGE_COUNT = "page_count";
    private static final String RULE = "rule";
    private static final String TEMPLATE = "template";
    private static final String PRIORITY = "priority";
    private static final String CHANNEL = "channel";
    private static final String LOCALE = "locale";
    private static final String TIME_ZONE = "time_zone";
    private static final String EVENT_SOURCE = "event_source";
    private static final String EVENT_ID = "event_id";
    private static final String MEMBERS = "members";
    private static final String STATUS = "status";
    private static final String ATTEMPTS = "attempts";
    private static final String SEND_AT = "send_at";
    // not expires_at: that is the time to live of every item (Retention)
    private static final String EXPIRES_AT = "announcement_expires_at";
    private static final String JOB_ID = "job_id";
    private static final String LAST_ERROR = "last_error";
    private static final String ALERT_OWED = "alert_owed";
    private static final String CREATED_AT = "created_at";
    private static final String UPDATED_AT = "updated_at";

    private AnnouncementPageItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of(GroupItems.ID, AttributeValue.fromS(KEY_PREFIX + id));
    }

    static Map<String, AttributeValue> item(AnnouncementPage p, long expiresAt) {
        boolean awaitingStatus = awaitingStatus(p);
        return new ItemWriter()
                .string(GroupItems.ID, KEY_PREFIX + p.id())
                .string(ANNOUNCEMENT_ID, p.announcementId())
                .number(PAGE_NO, p.number())
                .number(PAGE_COUNT, p.pageCount())
                .string(RULE, p.rule())
                .string(TEMPLATE, p.template())
                .name(PRIORITY, p.priority())
                .name(CHANNEL, p.channel())
                .string(LOCALE, p.locale())
                .string(TIME_ZONE, p.timeZone())
                .string(EVENT_SOURCE, p.eventSource())
                .string(EVENT_ID, p.eventId())
                .string(MEMBERS, PageMembersJson.write(p.members()))
                .name(STATUS, p.status())
                .number(ATTEMPTS, p.attempts())
                .instant(SEND_AT, p.sendAt())
                .instant(EXPIRES_AT, p.expiresAt())
                .string(GroupItems.DUE_FLAG, awaitingStatus ? AWAITING_STATUS : p.nextAttemptAt() == null ? null : DUE)
                .instant(GroupItems.NEXT_FLUSH_AT, awaitingStatus ? p.updatedAt() : p.nextAttemptAt())
                .string(JOB_ID, p.jobId())
                .string(LAST_ERROR, p.lastError())
                .string(ALERT_OWED, p.alertOwed())
                .instant(CREATED_AT, p.createdAt())
                .instant(UPDATED_AT, p.updatedAt())
                .number(GroupItems.VERSION, p.version())
                .number(Retention.EXPIRES_AT, expiresAt)
                .build();
    }

    static AnnouncementPage page(Map<String, AttributeValue> item) {
        ItemReader read = new ItemReader(item);
        return new AnnouncementPage(
                read.string(GroupItems.ID).substring(KEY_PREFIX.length()),
                read.string(ANNOUNCEMENT_ID),
                (int) read.number(PAGE_NO),
                (int) read.number(PAGE_COUNT),
                read.string(RULE),
                read.string(TEMPLATE),
                read.name(PRIORITY, Priority.class),
                read.name(CHANNEL, Channel.class),
                read.string(LOCALE),
                read.string(TIME_ZONE),
                read.string(EVENT_SOURCE),
                read.string(EVENT_ID),
                PageMembersJson.read(read.string(MEMBERS)),
                read.name(STATUS, AnnouncementPageStatus.class),
                (int) read.number(ATTEMPTS),
                read.instant(SEND_AT),
                read.instant(EXPIRES_AT),
                DUE.equals(read.string(GroupItems.DUE_FLAG)) ? read.instant(GroupItems.NEXT_FLUSH_AT) : null,
                read.string(JOB_ID),
                read.string(LAST_ERROR),
                read.string(ALERT_OWED),
                read.instant(CREATED_AT),
                read.instant(UPDATED_AT),
                read.number(GroupItems.VERSION));
    }

    private static boolean awaitingStatus(AnnouncementPage p) {
        return p.status() == AnnouncementPageStatus.SENT && p.nextAttemptAt() == null && !p.settled();
    }

    /** The copy the table holds after a write: the caller's state with its instants truncated, at {@code version}. */
    static AnnouncementPage stored(AnnouncementPage p, long version) {
        return new AnnouncementPage(p.id(), p.announcementId(), p.number(), p.pageCount(), p.rule(), p.template(),
                p.priority(), p.channel(), p.locale(), p.timeZone(), p.eventSource(), p.eventId(), p.members(),
                p.status(), p.attempts(), Micros.truncated(p.sendAt()), Micros.truncated(p.expiresAt()),
                Micros.truncated(p.nextAttemptAt()), p.jobId(), p.lastError(), p.alertOwed(),
                Micros.truncated(p.createdAt()), Micros.truncated(p.updatedAt()), version);
    }
}
