package io.herald.grouping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.domain.AlertGroup;
import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The event of Herald's own a group's announcement is stored and sent as, keyed by the group and the
 * announcement's number. Its data is what the group's template shows: {@code count} (events in the group),
 * {@code new} (those told of for the first time), {@code update} (false for the group's first announcement),
 * {@code group} (the key as people read it), {@code since}, {@code first} and {@code latest} (each event's source,
 * id, type, subject, time and, when small, data), {@code rule} and {@code announcement} (its number).
 */
final class AnnouncementEvents {

    static final String SOURCE = "urn:herald:groups";
    static final String TYPE = "herald.group.announced";

    private AnnouncementEvents() {
    }

    /** @param group a group whose announcement is claimed ({@link AlertGroup#claimed}) */
    static StoredEvent of(AlertGroup group, ObjectMapper json) {
        ObjectNode data = json.createObjectNode();
        data.put("rule", group.rule());
        data.put("group", group.groupKey());
        data.put("count", group.announcedCount());
        data.put("new", group.lastAnnounced());
        data.put("update", !group.announcesOpening());
        data.put("announcement", group.flushes());
        data.put("since", group.openedAt().toString());
        data.set("first", GroupItems.read(group.firstItem(), json));
        data.set("latest", GroupItems.read(group.latestItem(), json));
        Instant at = group.notifiedAt();
        try {
            return new StoredEvent(SOURCE, group.id() + "/" + group.flushes(), TYPE, group.groupKey(), at, at,
                    Map.of(), "application/json", json.writeValueAsString(data), EventStatus.RECEIVED, List.of(),
                    null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
