package io.herald.store;

import io.herald.domain.EntityRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The largest values every store can keep, for the values that come from events. Intake refuses an event whose
 * values, or the values routing derives from them, exceed these, before anything is written: a value a store
 * cannot keep would otherwise fail on every retry, every sweep and every start-up.
 *
 * <p>Each limit is the stricter of two stores. Characters: the {@code VARCHAR} lengths of
 * {@code db/migration/*.sql} (PostgreSQL and H2 count characters). UTF-8 bytes: DynamoDB keys, which count bytes,
 * partition keys at most 2048 and sort keys at most 1024. The byte limits are chosen so that the composed keys
 * fit too: an event's source and id form the notifications' and audit trail's partition key
 * ({@code 1024 + 1 + 1000 <= 2048}); an entity's system, type and id form the partition key tasks and write-backs
 * are found by ({@code 511 + 1 + 511 + 1 + 1024 <= 2048}). An item holds at most 400 KB; the event and its data
 * must leave room for the attribute names and Herald's own fields.
 */
public final class StoreLimits {

    public static final Limit EVENT_SOURCE = new Limit(512, 1024);
    public static final Limit EVENT_ID = new Limit(256, 1000);
    public static final Limit EVENT_TYPE = new Limit(512, 2048);
    public static final Limit EVENT_SUBJECT = new Limit(1024, 4096);
    public static final Limit DATA_CONTENT_TYPE = new Limit(256, 1024);
    public static final Limit ENTITY_SYSTEM = new Limit(128, 511);
    public static final Limit ENTITY_TYPE = new Limit(128, 511);
    public static final Limit ENTITY_ID = new Limit(256, 1024);
    /** A {@code TEXT} column, but shown in subjects and pages, and kept in every task item. */
    public static final Limit TASK_TITLE = new Limit(1024, 4096);
    /** What a notification keeps of its recipient: directory values, and names from the rules file. */
    public static final Limit RECIPIENT = new Limit(256, 1024);
    public static final Limit ADDRESS = new Limit(512, 2048);
    public static final Limit LOCALE = new Limit(64, 256);
    public static final Limit TIME_ZONE = new Limit(64, 256);
    public static final Limit RULE = new Limit(256, 1024);
    public static final Limit TEMPLATE = new Limit(256, 1024);
    /** An event's data, attributes and extensions together, leaving the rest of its 400 KB item to Herald. */
    public static final int EVENT_ITEM_BYTES = 350 * 1024;
    /** Times kept in {@code TIMESTAMP WITH TIME ZONE} columns and DynamoDB's microsecond numbers. */
    public static final Instant EARLIEST_TIME = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST_TIME = Instant.parse("9999-12-31T23:59:59.999999Z");

    private StoreLimits() {
    }

    /** At most {@code characters} UTF-16 characters and {@code bytes} bytes in UTF-8. */
    public record Limit(int characters, int bytes) {

        /**
         * @param field how the sender names the value, e.g. {@code data.entityId}
         * @return what is wrong, naming the field, or empty if the value fits
         */
        public Optional<String> check(String field, String value) {
            if (value == null) {
                return Optional.empty();
            }
            if (value.length() > characters) {
                return Optional.of(field + " is " + value.length() + " characters; at most " + characters);
            }
            int utf8 = value.getBytes(StandardCharsets.UTF_8).length;
            if (utf8 > bytes) {
                return Optional.of(field + " is " + utf8 + " bytes in UTF-8; at most " + bytes);
            }
            return Optional.empty();
        }

        public boolean fits(String value) {
            return check("", value).isEmpty();
        }
    }

    /** @return true if a task or write-back about the entity can be stored, and so looked up */
    public static boolean fits(EntityRef entity) {
        return ENTITY_SYSTEM.fits(entity.system()) && ENTITY_TYPE.fits(entity.type()) && ENTITY_ID.fits(entity.id());
    }

    /** @return what is wrong, naming the field, or empty if the time can be stored */
    public static Optional<String> checkTime(String field, Instant time) {
        if (time == null || !time.isBefore(EARLIEST_TIME) && !time.isAfter(LATEST_TIME)) {
            return Optional.empty();
        }
        return Optional.of(field + " is " + time + "; it must lie between the years 1 and 9999");
    }
}
