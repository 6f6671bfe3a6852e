package io.herald.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a rule or an SLA policy reads a value from an event: a field of the JSON data ({@code data.approver.id};
 * a numeric step indexes an array, {@code data.items.0.owner}) or a context attribute or extension
 * ({@code subject}). Its {@code toString()} is the path as written.
 */
public sealed interface EventPath permits EventPath.Data, EventPath.Attribute {

    Pattern DATA = Pattern.compile("data(\\.[A-Za-z0-9_]+)+");
    // CloudEvents attribute and extension names are lower-case letters and digits.
    Pattern ATTRIBUTE = Pattern.compile("[a-z0-9]+");

    /**
     * @throws IllegalArgumentException with the reason, if {@code text} is not a path
     */
    static EventPath parse(String text) {
        if (DATA.matcher(text).matches()) {
            List<String> parts = List.of(text.split("\\."));
            return new Data(text, parts.subList(1, parts.size()));
        }
        if (!text.equals("data") && ATTRIBUTE.matcher(text).matches()) {
            return new Attribute(text);
        }
        throw new IllegalArgumentException("'" + text + "' is not an event path (use data.field.subfield, or a"
                + " context attribute or extension such as subject)");
    }

    /** The value as text, if present and a single value (not an object, array or null). */
    Optional<String> text(RoutableEvent event);

    /** A field of the event's JSON data. */
    record Data(String path, List<String> steps) implements EventPath {

        /** The node at this path, if present and not JSON null. */
        public Optional<JsonNode> node(JsonNode root) {
            JsonNode node = root;
            for (String step : steps) {
                if (node.isObject()) {
                    node = node.path(step);
                } else if (node.isArray() && step.chars().allMatch(Character::isDigit) && step.length() < 10) {
                    node = node.path(Integer.parseInt(step));
                } else {
                    return Optional.empty();
                }
            }
            return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node);
        }

        @Override
        public Optional<String> text(RoutableEvent event) {
            return node(event.data()).filter(JsonNode::isValueNode).map(JsonNode::asText);
        }

        @Override
        public String toString() {
            return path;
        }
    }

    /** A context attribute ({@code subject}, {@code source}...) or an extension. */
    record Attribute(String name) implements EventPath {

        Object value(CloudEvent event) {
            return SpecVersion.V1.getAllAttributes().contains(name) ? event.getAttribute(name)
                    : event.getExtension(name);
        }

        @Override
        public Optional<String> text(RoutableEvent event) {
            return Optional.ofNullable(value(event.event())).map(Object::toString);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
