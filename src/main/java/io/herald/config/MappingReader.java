package io.herald.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the entries of one YAML mapping, reporting unknown keys, missing required entries and values of the
 * wrong shape to {@link ProblemCollector}. Readers return null or empty results after a report, so loading goes on and
 * every problem of the file is found.
 */
public final class MappingReader {

    private final YamlNode.Mapping mapping;
    private final String owner;
    private final ProblemCollector problems;

    private MappingReader(YamlNode.Mapping mapping, String owner, ProblemCollector problems) {
        this.mapping = mapping;
        this.owner = owner;
        this.problems = problems;
    }

    /**
     * @param node expected to be a mapping
     * @param owner how the mapping is named in reports, e.g. {@code user 'alice'}
     * @param known the keys allowed in the mapping
     */
    public static MappingReader of(YamlNode node, String owner, ProblemCollector problems, Set<String> known) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(node.position(), owner + ": expected a mapping but found " + node.kind());
            return new MappingReader(new YamlNode.Mapping(Map.of(), node.position()), owner, problems);
        }
        mapping.entries().forEach((key, entry) -> {
            if (!known.contains(key)) {
                problems.add(entry.keyPosition(), owner + ": unknown key '" + key + "' (allowed: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
        return new MappingReader(mapping, owner, problems);
    }

    public String owner() {
        return owner;
    }

    public Position position() {
        return mapping.position();
    }

    /** Where the value of {@code key} is written, or where the mapping starts if the key is absent. */
    public Position position(String key) {
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry == null ? mapping.position() : entry.value().position();
    }

    /** @return true if the key is present with a non-null value */
    public boolean has(String key) {
        YamlNode value = node(key);
        return value != null && !(value instanceof YamlNode.Scalar scalar && scalar.isNull());
    }

    /** @return the value node, or null if the key is absent */
    public YamlNode node(String key) {
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry == null ? null : entry.value();
    }

    /** @return the text of an optional single value, or null if absent, null or of the wrong shape (reported) */
    public String text(String key) {
        return has(key) ? text(node(key), owner + ": '" + key + "'") : null;
    }

    /** @return the text of a required single value, or null if missing or of the wrong shape (reported) */
    public String requiredText(String key) {
        if (!has(key)) {
            problems.add(mapping.position(), owner + ": missing required '" + key + "'");
            return null;
        }
        String text = text(key);
        if (text != null && text.isBlank()) {
            problems.add(position(key), owner + ": '" + key + "' must not be empty");
            return null;
        }
        return text;
    }

    /** @return the items of a list, empty if absent (reported if required) or of the wrong shape (reported) */
    public List<YamlNode> list(String key, boolean required) {
        if (!has(key)) {
            if (required) {
                problems.add(mapping.position(), owner + ": missing required '" + key + "'");
            }
            return List.of();
        }
        if (node(key) instanceof YamlNode.Sequence sequence) {
            return sequence.items();
        }
        problems.add(position(key), owner + ": '" + key + "' must be a list but is " + node(key).kind());
        return List.of();
    }

    /** @return the texts of a list of single values; items of the wrong shape are reported and left out */
    public List<Located> texts(String key, boolean required) {
        List<Located> texts = new ArrayList<>();
        for (YamlNode item : list(key, required)) {
            String text = text(item, owner + ": item of '" + key + "'");
            if (text != null) {
                texts.add(new Located(text, item.position()));
            }
        }
        return texts;
    }

    /** @return the entries of a nested mapping, empty if absent (reported if required) or of the wrong shape */
    public Map<String, YamlNode.Entry> mapping(String key, boolean required) {
        if (!has(key)) {
            if (required) {
                problems.add(mapping.position(), owner + ": missing required '" + key + "'");
            }
            return Map.of();
        }
        if (node(key) instanceof YamlNode.Mapping nested) {
            return new LinkedHashMap<>(nested.entries());
        }
        problems.add(position(key), owner + ": '" + key + "' must be a mapping but is " + node(key).kind());
        return Map.of();
    }

    private String text(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
            return scalar.text();
        }
        problems.add(node.position(), what + " must be a single value but is " + node.kind());
        return null;
    }

    /** A text value and where it is written. */
    public record Located(String text, Position position) {
    }
}
