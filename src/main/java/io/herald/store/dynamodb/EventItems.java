package io.herald.store.dynamodb;

import io.herald.domain.EventKey;
import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of table {@code events}: key (source, id), and index {@value #BY_STATUS} on ({@value #STATUS_SHARD},
 * received_at) for the lists of events by status, unrouted ones among them, and of events awaiting routing. Every
 * event is in that index under its status, so each status is spread over {@link IndexShards} partitions
 * ({@value #STATUS_SHARD} = status#n, n from the event's key).
 */
final class EventItems {

    static final String SOURCE = "source";
    static final String ID = "id";
    static final String STATUS = "status";
    static final String STATUS_SHARD = "status_shard";
    static final String RECEIVED_AT = "received_at";
    static final String MATCHED_RULES = "matched_rules";
    static final String ROUTED_AT = "routed_at";
    private static final String TYPE = "type";
    private static final String SUBJECT = "subject";
    private static final String TIME = "event_time";
    private static final String ATTRIBUTES = "attributes";
    private static final String DATA_CONTENT_TYPE = "data_content_type";
    private static final String DATA = "data";

    static final String BY_STATUS = "by-status";

    private final AttributesJson attributes = new AttributesJson();

    static Map<String, AttributeValue> key(EventKey key) {
        return Map.of(SOURCE, AttributeValue.fromS(key.source()), ID, AttributeValue.fromS(key.id()));
    }

    Map<String, AttributeValue> item(StoredEvent event, long expiresAt) {
        return new ItemWriter()
                .string(SOURCE, event.source())
                .string(ID, event.id())
                .string(TYPE, event.type())
                .string(SUBJECT, event.subject())
                .instant(TIME, event.time())
                .instant(RECEIVED_AT, event.receivedAt())
                .string(ATTRIBUTES, attributes.write(event.attributes()))
                .string(DATA_CONTENT_TYPE, event.dataContentType())
                .string(DATA, event.data())
                .name(STATUS, event.status())
                .string(STATUS_SHARD, statusShard(event.key(), event.status()))
                .strings(MATCHED_RULES, event.matchedRules())
                .instant(ROUTED_AT, event.routedAt())
                .number(Retention.EXPIRES_AT, expiresAt)
                .build();
    }

    static String statusShard(EventKey key, EventStatus status) {
        return IndexShards.of(status.name(), Keys.event(key));
    }

    StoredEvent event(Map<String, AttributeValue> item) {
        ItemReader read = new ItemReader(item);
        return new StoredEvent(
                read.string(SOURCE),
                read.string(ID),
                read.string(TYPE),
                read.string(SUBJECT),
                read.instant(TIME),
                read.instant(RECEIVED_AT),
                attributes.read(read.string(ATTRIBUTES)),
                read.string(DATA_CONTENT_TYPE),
                read.string(DATA),
                read.name(STATUS, EventStatus.class),
                read.strings(MATCHED_RULES),
                read.instant(ROUTED_AT));
    }
}
