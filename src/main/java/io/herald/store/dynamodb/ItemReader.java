package io.herald.store.dynamodb;

import io.herald.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the attributes {@link ItemWriter} wrote; an absent attribute reads as null. */
final class ItemReader {

    private final Map<String, AttributeValue> item;

    ItemReader(Map<String, AttributeValue> item) {
        this.item = item;
    }

    String string(String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    <E extends Enum<E>> E name(String name, Class<E> type) {
        String value = string(name);
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** A number every item of the table has. */
    long number(String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new StoreException("a stored item lacks its number attribute " + name);
        }
        return Long.parseLong(value.n());
    }

    Instant instant(String name) {
        return item.containsKey(name) ? Micros.instant(number(name)) : null;
    }

    List<String> strings(String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.l().stream().map(AttributeValue::s).toList();
    }

    /** A reader of a nested item, or null if it is absent. */
    ItemReader map(String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasM() ? null : new ItemReader(value.m());
    }
}
