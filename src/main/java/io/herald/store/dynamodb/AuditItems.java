package io.herald.store.dynamodb;

import io.herald.domain.AuditEntry;
import io.herald.domain.EventKey;
import java.util.Comparator;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of table {@code audit}: one partition per event ({@link Keys#event}), sorted by entry id.
 *
 * <p>The sort key is the entry id alone, not time and id: only then can an insert-if-absent recognise a
 * repeated step, which names the same entry id but a later time. The trail is put in time order after reading,
 * since an event's trail is read whole anyway.
 */
final class AuditItems {

    static final String EVENT_KEY = "event_key";
    static final String ENTRY_KEY = "entry_key";
    private static final String EVENT_SOURCE = "event_source";
    private static final String EVENT_ID = "event_id";
    private static final String AT = "at";
    private static final String STEP = "step";
    private static final String ACTOR = "actor";
    private static final String DETAIL = "detail";

    /** Time order, then id order for entries of the same microsecond (as the JDBC store sorts them). */
    static final Comparator<AuditEntry> TIME_ORDER = Comparator.comparing(AuditEntry::at,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(AuditEntry::id);

    private AuditItems() {
    }

    static Map<String, AttributeValue> item(AuditEntry entry, long expiresAt) {
        return new ItemWriter()
                .string(EVENT_KEY, Keys.event(new EventKey(entry.eventSource(), entry.eventId())))
                .string(ENTRY_KEY, entry.id())
                .string(EVENT_SOURCE, entry.eventSource())
                .string(EVENT_ID, entry.eventId())
                .instant(AT, entry.at())
                .string(STEP, entry.step())
                .string(ACTOR, entry.actor())
                .string(DETAIL, entry.detail())
                .number(Retention.EXPIRES_AT, expiresAt)
                .build();
    }

    static AuditEntry entry(Map<String, AttributeValue> item) {
        ItemReader read = new ItemReader(item);
        return new AuditEntry(
                read.string(ENTRY_KEY),
                read.string(EVENT_SOURCE),
                read.string(EVENT_ID),
                read.instant(AT),
                read.string(STEP),
                read.string(ACTOR),
                read.string(DETAIL));
    }
}
