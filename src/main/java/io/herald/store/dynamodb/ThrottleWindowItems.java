package io.herald.store.dynamodb;

import io.herald.domain.ThrottleWindow;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Throttling windows as items of table {@code groups}, beside the groups: keyed {@value #KEY_PREFIX} and the
 * window's id, so no group's id can meet one, and never carrying the due index's attributes, so the sweep never
 * reads one.
 */
final class ThrottleWindowItems {

    static final String KEY_PREFIX = "throttle#";
    private static final String STARTED_AT = "started_at";
    private static final String SENT = "sent";

    private ThrottleWindowItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of(GroupItems.ID, AttributeValue.fromS(KEY_PREFIX + id));
    }

    static Map<String, AttributeValue> item(ThrottleWindow w, long expiresAt) {
        return new ItemWriter()
                .string(GroupItems.ID, KEY_PREFIX + w.id())
                .instant(STARTED_AT, w.startedAt())
                .number(SENT, w.sent())
                .number(GroupItems.VERSION, w.version())
                .number(Retention.EXPIRES_AT, expiresAt)
                .build();
    }

    static ThrottleWindow window(Map<String, AttributeValue> item) {
        ItemReader read = new ItemReader(item);
        return new ThrottleWindow(read.string(GroupItems.ID).substring(KEY_PREFIX.length()),
                read.instant(STARTED_AT), read.number(SENT), read.number(GroupItems.VERSION));
    }

    static ThrottleWindow stored(ThrottleWindow w) {
        return new ThrottleWindow(w.id(), Micros.truncated(w.startedAt()), w.sent(), w.version() + 1);
    }
}
