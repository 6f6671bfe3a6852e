package io.herald.simulator.opentext;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks the body of the gateway's push: at least one of {@code users} and {@code otdsGroups}, a
 * {@code title}; {@code summary} and {@code data} optional.
 */
final class PushReader {

    private PushReader() {
    }

    record PushRequest(List<String> users, List<String> otdsGroups, String title, String summary,
                       Map<String, Object> data) {
    }

    static PushRequest read(JsonObject body) throws InvalidSubmission {
        JsonFields fields = new JsonFields();
        JsonArray usersArray = fields.optionalArray(body, "users", "users");
        JsonArray groupsArray = fields.optionalArray(body, "otdsGroups", "otdsGroups");
        List<String> users = usersArray == null ? List.of() : fields.texts(usersArray, "users");
        List<String> groups = groupsArray == null ? List.of() : fields.texts(groupsArray, "otdsGroups");
        if (usersArray != null && groupsArray != null && usersArray.isEmpty() && groupsArray.isEmpty()) {
            fields.problem("users or otdsGroups must name at least one recipient");
        }
        String title = fields.requiredText(body, "title", "title");
        String summary = fields.optionalText(body, "summary", "summary");
        JsonObject data = fields.optionalObject(body, "data", "data");
        fields.check();
        return new PushRequest(users, groups, title, summary,
                Collections.unmodifiableMap(new LinkedHashMap<>(data.getMap())));
    }
}
