package io.herald.simulator.xconnector;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body rules of {@code docs/xconnector-writeback.openapi.yaml}, checked by the simulator so that a call Herald
 * gets wrong fails in tests as it would against xConnector (400, permanent). Unknown fields are allowed: the
 * contract lets Herald add optional ones.
 */
final class WriteBackContract {

    static final Set<String> KINDS = Set.of("response", "warning", "breach", "escalation");
    private static final List<String> REQUIRED = List.of("id", "kind", "targetSystem", "entityType", "entityId",
            "action", "actor", "occurredAt");
    private static final List<String> CORRELATION = List.of("eventSource", "eventId", "taskId");

    private WriteBackContract() {
    }

    /** @return what is wrong with the call, empty when it follows the contract */
    static List<String> problems(JsonNode body, String idempotencyKey) {
        List<String> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return List.of("the body must be a JSON object");
        }
        REQUIRED.forEach(field -> requireText(body, field, "", problems));
        JsonNode correlation = body.get("correlation");
        if (correlation == null || !correlation.isObject()) {
            problems.add("correlation must be an object");
        } else {
            CORRELATION.forEach(field -> requireText(correlation, field, "correlation.", problems));
        }
        if (body.hasNonNull("comment") && !body.get("comment").isTextual()) {
            problems.add("comment must be a string");
        }
        if (body.path("kind").isTextual() && !KINDS.contains(body.get("kind").asText())) {
            problems.add("kind must be one of " + KINDS);
        }
        if (body.path("occurredAt").isTextual() && !isRfc3339(body.get("occurredAt").asText())) {
            problems.add("occurredAt must be an RFC 3339 date-time");
        }
        if (idempotencyKey == null || !idempotencyKey.equals(body.path("id").asText(null))) {
            problems.add("the Idempotency-Key header must equal id");
        }
        return problems;
    }

    private static void requireText(JsonNode node, String field, String prefix, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(prefix + field + " is required (a non-empty string)");
        }
    }

    private static boolean isRfc3339(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
