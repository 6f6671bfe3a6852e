package io.herald.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.store.StoreException;
import java.util.List;
import java.util.Map;

/** Keeps collection fields as JSON text, so the schema needs no vendor-specific JSON or array type. */
final class JsonColumns {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    JsonColumns(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @param field names the field in errors, which must not show the value */
    String write(String field, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("could not encode " + field + " as JSON");
        }
    }

    Map<String, String> readMap(String field, String json) {
        return read(field, json, STRING_MAP);
    }

    List<String> readList(String field, String json) {
        return read(field, json, STRING_LIST);
    }

    private <T> T read(String field, String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored " + field + " is not the expected JSON");
        }
    }
}
