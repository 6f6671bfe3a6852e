package io.herald.store.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds an item attribute by attribute, leaving out null values: an absent attribute stands for null. */
final class ItemWriter {

    private final Map<String, AttributeValue> item = new HashMap<>();

    ItemWriter string(String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
        return this;
    }

    ItemWriter name(String name, Enum<?> value) {
        return string(name, value == null ? null : value.name());
    }

    ItemWriter number(String name, long value) {
        item.put(name, AttributeValue.fromN(Long.toString(value)));
        return this;
    }

    /** As epoch microseconds, see {@link Micros}. */
    ItemWriter instant(String name, Instant value) {
        return value == null ? this : number(name, Micros.of(value));
    }

    ItemWriter strings(String name, List<String> values) {
        if (values != null) {
            item.put(name, AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList()));
        }
        return this;
    }

    /** A nested item, e.g. one built by another writer. */
    ItemWriter map(String name, Map<String, AttributeValue> value) {
        if (value != null) {
            item.put(name, AttributeValue.fromM(value));
        }
        return this;
    }

    Map<String, AttributeValue> build() {
        return Map.copyOf(item);
    }
}
