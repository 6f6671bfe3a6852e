package io.herald.events;

import io.herald.config.MappingReader;
import io.herald.config.ProblemCollector;
import io.herald.config.YamlNode;
import io.herald.domain.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Values that the rules file and the SLA policy file both contain: event paths, the entity an event names, and
 * channels. Both readers use this class, so the checks and the wording of problems are the same. Like
 * {@link MappingReader}, each method reports what is wrong and returns null or leaves the value out, so loading goes on.
 */
public final class RoutingValues {

    private static final Set<String> ENTITY = Set.of("system", "type", "id");
    private static final String CHANNELS = Arrays.stream(Channel.values()).map(Channel::id)
            .collect(Collectors.joining(", "));

    private RoutingValues() {
    }

    /** A required event path; null if missing or malformed (reported). */
    public static EventPath path(MappingReader fields, String key, ProblemCollector problems) {
        String text = fields.requiredText(key);
        if (text == null) {
            return null;
        }
        try {
            return EventPath.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(fields.position(key), fields.owner() + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * The required {@code entity} mapping: where an event names the record's system, type and id.
     *
     * @return the paths (any of them null if it was reported), or null if the mapping is missing (reported)
     */
    public static EntityPaths entity(MappingReader fields, ProblemCollector problems) {
        if (!fields.has("entity")) {
            problems.add(fields.position(), fields.owner() + ": missing required 'entity' (system, type, id)");
            return null;
        }
        MappingReader paths = MappingReader.of(fields.node("entity"), fields.owner() + ": entity", problems, ENTITY);
        EventPath system = path(paths, "system", problems);
        EventPath type = path(paths, "type", problems);
        EventPath id = path(paths, "id", problems);
        return new EntityPaths(system, type, id);
    }

    /** The required {@code channels} list; unknown and repeated channels are reported and left out. */
    public static List<Channel> channels(MappingReader fields, ProblemCollector problems) {
        List<MappingReader.Located> texts = fields.texts("channels", true);
        if (fields.node("channels") instanceof YamlNode.Sequence && texts.isEmpty()) {
            problems.add(fields.position("channels"), fields.owner() + ": 'channels' must not be empty");
        }
        List<Channel> channels = new ArrayList<>();
        for (MappingReader.Located text : texts) {
            Channel channel = lowerCaseId(text.text(), Channel::of);
            if (channel == null) {
                problems.add(text.position(), fields.owner() + ": unknown channel '" + text.text() + "' (allowed: "
                        + CHANNELS + ")");
            } else if (channels.contains(channel)) {
                problems.add(text.position(), fields.owner() + ": channel '" + text.text() + "' is listed twice");
            } else {
                channels.add(channel);
            }
        }
        return List.copyOf(channels);
    }

    /** Only the lower-case ids are accepted, as documented; the enums' own parsers are more lenient. */
    public static <T extends Enum<T>> T lowerCaseId(String text, Function<String, T> parser) {
        try {
            T value = parser.apply(text);
            return value.name().toLowerCase(Locale.ROOT).equals(text) ? value : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
