package io.herald.config;

import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written, so every problem can be reported with its line and column.
 * Scalars keep their source text: {@code no}, {@code +4915...} or {@code 1.10} stay exactly as typed.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    Position position();

    /** How the node is named in problem reports. */
    String kind();

    /** @param text the value as written, or null for an explicit or implied null ({@code key:} or {@code ~}) */
    record Scalar(String text, Position position) implements YamlNode {
        public boolean isNull() {
            return text == null;
        }

        @Override
        public String kind() {
            return isNull() ? "nothing" : "a single value";
        }
    }

    /** @param entries in file order */
    record Mapping(Map<String, Entry> entries, Position position) implements YamlNode {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record Sequence(List<YamlNode> items, Position position) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A mapping entry: the key's own position is where unknown or duplicate keys are reported. */
    record Entry(Position keyPosition, YamlNode value) {
    }
}
