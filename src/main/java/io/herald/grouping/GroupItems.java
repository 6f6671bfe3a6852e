package io.herald.grouping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.domain.StoredEvent;

/**
 * An event as a group keeps it (its first and its latest): the CloudEvent's source, id, type, subject and time,
 * and its data when that is small. The size is bounded whatever the event, so a group row is too.
 */
final class GroupItems {

    /** Data longer than this, as JSON text, is left out of the item (the event itself keeps it). */
    static final int MAX_DATA_CHARS = 4096;
    private static final int MAX_SUBJECT_CHARS = 256;

    private GroupItems() {
    }

    static String of(StoredEvent event, ObjectMapper json) {
        ObjectNode item = json.createObjectNode();
        item.put("source", event.source());
        item.put("id", event.id());
        item.put("type", event.type());
        if (event.subject() != null) {
            item.put("subject", truncated(event.subject()));
        }
        item.put("time", (event.time() == null ? event.receivedAt() : event.time()).toString());
        JsonNode data = data(event, json);
        if (data != null) {
            item.set("data", data);
        } else if (event.data() != null) {
            item.put("dataOmitted", true);
        }
        try {
            return json.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The item as the templates read it. */
    static JsonNode read(String item, ObjectMapper json) {
        try {
            return json.readTree(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored group item is not JSON");
        }
    }

    private static JsonNode data(StoredEvent event, ObjectMapper json) {
        if (event.data() == null || event.data().length() > MAX_DATA_CHARS) {
            return null;
        }
        try {
            return json.readTree(event.data());
        } catch (JsonProcessingException e) {
            // data that is not JSON is not shown in a group
            return null;
        }
    }

    private static String truncated(String text) {
        return text.length() > MAX_SUBJECT_CHARS ? text.substring(0, MAX_SUBJECT_CHARS - 3) + "..." : text;
    }
}
