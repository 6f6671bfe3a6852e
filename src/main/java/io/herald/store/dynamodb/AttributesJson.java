package io.herald.store.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.store.StoreException;
import java.util.Map;

/**
 * Keeps an event's attributes as JSON text rather than a DynamoDB map, because a map would lose their order
 * (which the events API shows) and JSON keeps it, as the JDBC store does.
 */
final class AttributesJson {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    // A mapper of its own: the stored JSON must not change when the application tunes its HTTP JSON.
    private final ObjectMapper mapper = new ObjectMapper();

    String write(Map<String, String> attributes) {
        if (attributes == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new StoreException("could not encode the event attributes as JSON");
        }
    }

    Map<String, String> read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored event attributes are not the expected JSON");
        }
    }
}
