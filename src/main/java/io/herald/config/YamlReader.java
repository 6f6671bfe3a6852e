package io.herald.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns YAML text into a tree of {@link YamlNode}s that know their position. Jackson's streaming parser gives
 * each token's location; data binding would not, and would stop at the first mistake instead of collecting all.
 */
public final class YamlReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {
    }

    /**
     * Reads a file holding one YAML document.
     *
     * @return the root node, or null if the file is empty or not valid YAML (reported to {@code problems})
     */
    public static YamlNode read(ConfigFile file, ProblemCollector problems) {
        try (JsonParser parser = FACTORY.createParser(file.text())) {
            if (parser.nextToken() == null) {
                problems.add(new Position(1, 1), "the file is empty");
                return null;
            }
            YamlNode root = node(parser, problems);
            if (parser.nextToken() != null) {
                problems.add(position(parser.currentTokenLocation()),
                        "the file holds more than one YAML document; put everything in one");
            }
            return root;
        } catch (JsonProcessingException e) {
            problems.add(position(e.getLocation()), "invalid YAML: " + syntaxReason(e));
            return null;
        } catch (IOException e) {
            problems.add(Position.FILE, "cannot read: " + e.getMessage());
            return null;
        }
    }

    private static YamlNode node(JsonParser parser, ProblemCollector problems) throws IOException {
        Position at = position(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                Position keyAt = position(parser.currentTokenLocation());
                parser.nextToken();
                YamlNode value = node(parser, problems);
                if (entries.putIfAbsent(key, new YamlNode.Entry(keyAt, value)) != null) {
                    problems.add(keyAt, "duplicate key '" + key + "'");
                }
            }
            return new YamlNode.Mapping(entries, at);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(parser, problems));
            }
            return new YamlNode.Sequence(items, at);
        }
        return new YamlNode.Scalar(token == JsonToken.VALUE_NULL ? null : parser.getText(), at);
    }

    private static String syntaxReason(JsonProcessingException e) {
        // SnakeYAML's own exception, which Jackson wraps, has the reason without the echoed source lines.
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            return marked.getContext() == null ? marked.getProblem()
                    : marked.getProblem() + " (" + marked.getContext() + ")";
        }
        return e.getOriginalMessage();
    }

    private static Position position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return Position.FILE;
        }
        return new Position(location.getLineNr(), Math.max(location.getColumnNr(), 0));
    }
}
