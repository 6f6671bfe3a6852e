package io.herald.store.dynamodb;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Withdrawals of announcements as items of table {@code groups}, beside the groups and pages: keyed
 * {@value #KEY_PREFIX} and the announcement's id, so neither a group's nor a page's id can meet one, and never
 * carrying the due index's attributes, so no sweep reads one.
 */
final class AnnouncementWithdrawalItems {

    static final String KEY_PREFIX = "withdrawal#";
    private static final String WITHDRAWN_AT = "withdrawn_at";

    private AnnouncementWithdrawalItems() {
    }

    static Map<String, AttributeValue> key(String announcementId) {
        return Map.of(GroupItems.ID, AttributeValue.fromS(KEY_PREFIX + announcementId));
    }

    static Map<String, AttributeValue> item(String announcementId, Instant at, long expiresAt) {
        return new ItemWriter()
                .string(GroupItems.ID, KEY_PREFIX + announcementId)
                .instant(WITHDRAWN_AT, at)
                .number(Retention.EXPIRES_AT, expiresAt)
                .build();
    }

    static Instant withdrawnAt(Map<String, AttributeValue> item) {
        return new ItemReader(item).instant(WITHDRAWN_AT);
    }
}
