package io.herald.store.dynamodb;

import io.herald.domain.AlertGroup;
import io.herald.domain.Channel;
import io.herald.domain.Priority;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of table {@code groups}: key id, and the sparse index {@value #BY_DUE}, which holds only groups with a
 * next flush, in one partition ({@value #DUE}) ordered by that time, so the sweep reads due groups and nothing else.
 */
final class GroupItems {

    static final String ID = "id";
    static final String VERSION = "version";
    static final String DUE_FLAG = "due";
    static final String NEXT_FLUSH_AT = "next_flush_at";
    static final String BY_DUE = "by-due";
    /** The one value of {@value #DUE_FLAG}: the partition of every due group in {@value #BY_DUE}. */
    static final String DUE = "DUE";
    private static final String RULE = "rule";
    private static final String GROUP_KEY = "group_key";
    private static final String TEMPLATE = "template";
    private static final String PRIORITY = "priority";
    private static final String RECIPIENT = "recipient";
    private static final String CHANNEL = "channel";
    private static final String ADDRESS = "address";
    private static final String LOCALE = "locale";
    private static final String TIME_ZONE = "time_zone";
    private static final String COUNT = "event_count";
    private static final String UNANNOUNCED = "unannounced";
    private static final String FIRST_ITEM = "first_item";
    private static final String LATEST_ITEM = "latest_item";
    private static final String LAST_EVENT = "last_event";
    private static final String OPENED_AT = "opened_at";
    private static final String LAST_EVENT_AT = "last_event_at";
    private static final String NOTIFIED_AT = "notified_at";
    private static final String FLUSHES = "flushes";
    private static final String LAST_ANNOUNCED = "last_announced";
    private static final String ANNOUNCING = "announcing";
    private static final String INTERVAL_MS = "interval_ms";
    private static final String CREATED_AT = "created_at";
    private static final String UPDATED_AT = "updated_at";

    private GroupItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of(ID, AttributeValue.fromS(id));
    }

    static Map<String, AttributeValue> item(AlertGroup g, long expiresAt) {
        return new ItemWriter()
                .string(ID, g.id())
                .string(RULE, g.rule())
                .string(GROUP_KEY, g.groupKey())
                .string(TEMPLATE, g.template())
                .name(PRIORITY, g.priority())
                .string(RECIPIENT, g.recipient())
                .name(CHANNEL, g.channel())
                .string(ADDRESS, g.address())
                .string(LOCALE, g.locale())
                .string(TIME_ZONE, g.timeZone())
                .number(COUNT, g.count())
                .number(UNANNOUNCED, g.unannounced())
                .string(FIRST_ITEM, g.firstItem())
                .string(LATEST_ITEM, g.latestItem())
                .string(LAST_EVENT, g.lastEvent())
                .instant(OPENED_AT, g.openedAt())
                .instant(LAST_EVENT_AT, g.lastEventAt())
                .instant(NOTIFIED_AT, g.notifiedAt())
                .number(FLUSHES, g.flushes())
                .number(LAST_ANNOUNCED, g.lastAnnounced())
                .number(ANNOUNCING, g.announcing() ? 1 : 0)
                .string(DUE_FLAG, g.nextFlushAt() == null ? null : DUE)
                .instant(NEXT_FLUSH_AT, g.nextFlushAt())
                .number(INTERVAL_MS, g.interval().toMillis())
                .instant(CREATED_AT, g.createdAt())
                .instant(UPDATED_AT, g.updatedAt())
                .number(VERSION, g.version())
                .number(Retention.EXPIRES_AT, expiresAt)
                .build();
    }

    static AlertGroup group(Map<String, AttributeValue> item) {
        ItemReader read = new ItemReader(item);
        return new AlertGroup(
                read.string(ID),
                read.string(RULE),
                read.string(GROUP_KEY),
                read.string(TEMPLATE),
                read.name(PRIORITY, Priority.class),
                read.string(RECIPIENT),
                read.name(CHANNEL, Channel.class),
                read.string(ADDRESS),
                read.string(LOCALE),
                read.string(TIME_ZONE),
                read.number(COUNT),
                read.number(UNANNOUNCED),
                read.string(FIRST_ITEM),
                read.string(LATEST_ITEM),
                read.string(LAST_EVENT),
                read.instant(OPENED_AT),
                read.instant(LAST_EVENT_AT),
                read.instant(NOTIFIED_AT),
                read.number(FLUSHES),
                read.number(LAST_ANNOUNCED),
                read.number(ANNOUNCING) == 1,
                read.instant(NEXT_FLUSH_AT),
                Duration.ofMillis(read.number(INTERVAL_MS)),
                read.instant(CREATED_AT),
                read.instant(UPDATED_AT),
                read.number(VERSION));
    }

    /** The copy the table holds after a write: the caller's state with its instants truncated, at {@code version}. */
    static AlertGroup stored(AlertGroup g, long version) {
        return new AlertGroup(g.id(), g.rule(), g.groupKey(), g.template(), g.priority(), g.recipient(), g.channel(),
                g.address(), g.locale(), g.timeZone(), g.count(), g.unannounced(), g.firstItem(), g.latestItem(),
                g.lastEvent(), Micros.truncated(g.openedAt()), Micros.truncated(g.lastEventAt()),
                Micros.truncated(g.notifiedAt()), g.flushes(), g.lastAnnounced(), g.announcing(),
                Micros.truncated(g.nextFlushAt()),
                Duration.ofMillis(g.interval().toMillis()), Micros.truncated(g.createdAt()),
                Micros.truncated(g.updatedAt()), version);
    }
}
