package io.herald.simulator.opentext;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads fields of a request body and notes what is missing or of the wrong type, so one 400 answer can list every
 * problem. Paths in the notes are as in the JSON, e.g. {@code destinations[0].email}.
 */
final class JsonFields {

    private final List<String> problems = new ArrayList<>();

    /** The request body as a JSON object. */
    static JsonObject parseObject(String body) throws InvalidSubmission {
        if (body == null || body.isBlank()) {
            throw new InvalidSubmission(List.of("the body must be a JSON object"));
        }
        try {
            return new JsonObject(body);
        } catch (DecodeException | ClassCastException notAnObject) {
            throw new InvalidSubmission(List.of("the body must be a JSON object"));
        }
    }

    /** A non-empty array; null (and a problem noted) otherwise. */
    JsonArray nonEmptyArray(JsonObject json, String field, String path) {
        Object value = json.getValue(field);
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            problems.add(path + " must be a non-empty array");
            return null;
        }
        return array;
    }

    /** An array, or an empty one when absent; null (and a problem noted) when of another type. */
    JsonArray optionalArray(JsonObject json, String field, String path) {
        Object value = json.getValue(field);
        if (value == null) {
            return new JsonArray();
        }
        if (!(value instanceof JsonArray array)) {
            problems.add(path + " must be an array");
            return null;
        }
        return array;
    }

    /** An object, or an empty one when absent. */
    JsonObject optionalObject(JsonObject json, String field, String path) {
        Object value = json.getValue(field);
        if (value == null) {
            return new JsonObject();
        }
        if (!(value instanceof JsonObject object)) {
            problems.add(path + " must be an object");
            return new JsonObject();
        }
        return object;
    }

    /** The element at {@code index} when it is an object; null (and a problem noted) otherwise. */
    JsonObject objectAt(JsonArray array, int index, String path) {
        Object value = array.getValue(index);
        if (!(value instanceof JsonObject object)) {
            problems.add(path + " must be an object");
            return null;
        }
        return object;
    }

    /** A string that is not blank; null (and a problem noted) otherwise. */
    String requiredText(JsonObject json, String field, String path) {
        Object value = json.getValue(field);
        if (!(value instanceof String text) || text.isBlank()) {
            problems.add(path + " is required");
            return null;
        }
        return text;
    }

    /** A string or null; a problem is noted when it has another type. */
    String optionalText(JsonObject json, String field, String path) {
        Object value = json.getValue(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        problems.add(path + " must be a string");
        return null;
    }

    /** Every element as a non-blank string. */
    List<String> texts(JsonArray array, String path) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.getValue(i) instanceof String text && !text.isBlank()) {
                texts.add(text);
            } else {
                problems.add(path + "[" + i + "] must be a non-blank string");
            }
        }
        return texts;
    }

    void problem(String problem) {
        problems.add(problem);
    }

    /** @throws InvalidSubmission when any problem was noted */
    void check() throws InvalidSubmission {
        if (!problems.isEmpty()) {
            throw new InvalidSubmission(problems);
        }
    }
}
