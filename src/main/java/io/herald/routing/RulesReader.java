package io.herald.routing;

import io.herald.config.ConfigFile;
import io.herald.config.MappingReader;
import io.herald.config.ProblemCollector;
import io.herald.config.YamlNode;
import io.herald.config.YamlReader;
import io.herald.directory.Directory;
import io.herald.domain.Channel;
import io.herald.domain.Priority;
import io.herald.events.EntityPaths;
import io.herald.events.EventPath;
import io.herald.events.RoutingValues;
import io.herald.sla.DurationText;
import io.herald.sla.SlaPolicies;
import io.herald.sla.SlaPolicyConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and checks a rules file: shape, required entries, channels, priorities, conditions (compiled here, once),
 * the users, teams and groups named, and the SLA policies tasks name. Every problem of the file is collected
 * before failing.
 */
final class RulesReader {

    private static final Set<String> TOP = Set.of("rules");
    private static final Set<String> RULE = Set.of("name", "match", "recipients", "template", "channels",
            "priority", "task", "group", "throttle", "announce");
    private static final Set<String> ANNOUNCE = Set.of("audience", "key", "sendAt", "expiresAt", "withdrawnBy",
            "pageSize");
    private static final Set<String> AUDIENCE = Set.of("user", "team", "group", "teamRef", "where");
    private static final Set<String> THROTTLE = Set.of("max", "per", "digest");
    private static final Set<String> GROUP = Set.of("by", "wait", "interval", "repeat");
    /** Alertmanager's defaults for group_wait, group_interval and repeat_interval. */
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
    private static final Duration DEFAULT_REPEAT = Duration.ofHours(4);
    private static final Set<String> TASK = Set.of("actions", "title", "entity", "sla", "reasonRequired");
    private static final java.util.regex.Pattern ACTION = java.util.regex.Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> MATCH = Set.of("type", "typePrefix", "source", "sourcePrefix", "condition");
    private static final Set<String> RECIPIENT = Arrays.stream(RecipientSpec.Kind.values())
            .map(RecipientSpec.Kind::key)
            .collect(Collectors.toUnmodifiableSet());
    private static final String PRIORITIES = Arrays.stream(Priority.values()).map(Priority::id)
            .collect(Collectors.joining(", "));

    private final ProblemCollector problems;
    private final Directory directory;
    private final SlaPolicies policies;
    private final Set<String> names = new HashSet<>();

    private RulesReader(ProblemCollector problems, Directory directory, SlaPolicies policies) {
        this.problems = problems;
        this.directory = directory;
        this.policies = policies;
    }

    /** @throws io.herald.config.ConfigurationProblem listing every problem of the file */
    static RuleSet read(ConfigFile file, Directory directory, SlaPolicies policies) {
        ProblemCollector problems = new ProblemCollector(file.location());
        YamlNode root = YamlReader.read(file, problems);
        List<Rule> rules = new ArrayList<>();
        if (root != null) {
            RulesReader reader = new RulesReader(problems, directory, policies);
            List<YamlNode> items = MappingReader.of(root, "rules file", problems, TOP).list("rules", true);
            for (int order = 0; order < items.size(); order++) {
                Rule rule = reader.rule(items.get(order), order);
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        problems.throwIfAny();
        return new RuleSet(file.location(), rules);
    }

    /** @return the rule, or null if it has problems (reported) */
    private Rule rule(YamlNode node, int order) {
        int problemsBefore = problems.count();
        MappingReader fields = MappingReader.of(node, label(node, order), problems, RULE);
        String name = fields.requiredText("name");
        if (name != null && !names.add(name)) {
            problems.add(fields.position("name"), fields.owner() + ": another rule has the same name");
        }
        EventMatch match = null;
        Condition condition = null;
        if (fields.has("match")) {
            MappingReader matchFields = MappingReader.of(fields.node("match"), fields.owner() + ": match", problems, MATCH);
            match = match(matchFields);
            condition = condition(matchFields, name);
        } else {
            problems.add(fields.position(), fields.owner() + ": missing required 'match'");
        }
        AnnounceSpec announce = fields.has("announce") ? announce(MappingReader.of(fields.node("announce"),
                fields.owner() + ": announce", problems, ANNOUNCE)) : null;
        List<RecipientSpec> recipients = fields.has("announce") ? List.of() : recipients(fields);
        if (fields.has("announce")) {
            for (String other : List.of("recipients", "task", "group", "throttle")) {
                if (fields.has(other)) {
                    problems.add(fields.position(other), fields.owner() + ": an announce rule addresses its audience"
                            + " and takes no '" + other + "'");
                }
            }
        }
        String template = fields.requiredText("template");
        List<Channel> channels = RoutingValues.channels(fields, problems);
        Priority priority = priority(fields);
        TaskSpec task = fields.has("task") ? task(MappingReader.of(fields.node("task"), fields.owner() + ": task", problems,
                TASK)) : null;
        GroupSpec group = fields.has("group") ? group(MappingReader.of(fields.node("group"), fields.owner() + ": group",
                problems, GROUP), priority) : null;
        ThrottleSpec throttle = fields.has("throttle") ? throttle(MappingReader.of(fields.node("throttle"),
                fields.owner() + ": throttle", problems, THROTTLE), priority) : null;
        if (fields.has("group") && fields.has("throttle")) {
            problems.add(fields.position("throttle"), fields.owner() + ": give either 'group' or 'throttle', not both"
                    + " (a group's announcements are few already)");
        }
        if (problems.count() > problemsBefore) {
            return null;
        }
        return new Rule(order, name, match, condition, recipients, template, channels, priority, task, group,
                throttle, announce);
    }

    /** @return the announce block, or null if it has problems (reported) */
    private AnnounceSpec announce(MappingReader fields) {
        int problemsBefore = problems.count();
        List<AnnounceSpec.Audience> audience = new ArrayList<>();
        List<YamlNode> items = fields.list("audience", true);
        if (fields.has("audience") && items.isEmpty() && fields.node("audience") instanceof YamlNode.Sequence) {
            problems.add(fields.position("audience"), fields.owner() + ": 'audience' must not be empty");
        }
        for (YamlNode item : items) {
            AnnounceSpec.Audience entry = audience(MappingReader.of(item, fields.owner() + ": audience", problems,
                    AUDIENCE), item);
            if (entry != null) {
                audience.add(entry);
            }
        }
        EventPath key = fields.has("key") ? RoutingValues.path(fields, "key", problems) : null;
        EventPath sendAt = fields.has("sendAt") ? RoutingValues.path(fields, "sendAt", problems) : null;
        EventPath expiresAt = fields.has("expiresAt") ? RoutingValues.path(fields, "expiresAt", problems) : null;
        String withdrawnBy = fields.has("withdrawnBy") ? fields.requiredText("withdrawnBy") : null;
        int pageSize = pageSize(fields);
        return problems.count() > problemsBefore ? null
                : new AnnounceSpec(audience, key, sendAt, expiresAt, withdrawnBy, pageSize);
    }

    /** @return the entry, or null if it has problems (reported) */
    private AnnounceSpec.Audience audience(MappingReader fields, YamlNode item) {
        List<String> kinds = item instanceof YamlNode.Mapping mapping ? mapping.entries().keySet().stream()
                .filter(key -> !"where".equals(key)).toList() : List.of();
        Map<String, String> where = new LinkedHashMap<>();
        fields.mapping("where", false).forEach((attribute, entry) -> {
            if (entry.value() instanceof YamlNode.Scalar value && !value.isNull()) {
                where.put(attribute, value.text());
            } else {
                problems.add(entry.keyPosition(), fields.owner() + ": where '" + attribute
                        + "' must be a plain value");
            }
        });
        if (!(item instanceof YamlNode.Mapping)) {
            return null;
        }
        if (kinds.size() > 1 || kinds.isEmpty() && where.isEmpty()) {
            problems.add(item.position(), fields.owner() + ": give one of user, team, group, teamRef, or 'where'"
                    + " alone for every user with those attributes");
            return null;
        }
        if (kinds.isEmpty()) {
            return new AnnounceSpec.Audience(null, where);
        }
        RecipientSpec who = RecipientSpec.Kind.ofKey(kinds.get(0)).map(kind -> recipient(fields, kind)).orElse(null);
        return who == null ? null : new AnnounceSpec.Audience(who, where);
    }

    private int pageSize(MappingReader fields) {
        String text = fields.has("pageSize") ? fields.requiredText("pageSize") : null;
        if (text == null) {
            return AnnounceSpec.DEFAULT_PAGE_SIZE;
        }
        int size;
        try {
            size = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > AnnounceSpec.MAX_PAGE_SIZE) {
            problems.add(fields.position("pageSize"), fields.owner() + ": 'pageSize' must be a whole number from 1 to "
                    + AnnounceSpec.MAX_PAGE_SIZE + ", not " + text);
        }
        return size;
    }

    /** @return the group block, or null if it has problems (reported) */
    private GroupSpec group(MappingReader fields, Priority priority) {
        if (priority == Priority.URGENT) {
            problems.add(fields.position(), fields.owner() + ": an urgent rule is sent at once and never grouped;"
                    + " give the group to a rule of lower priority");
        }
        List<EventPath> by = new ArrayList<>();
        for (MappingReader.Located path : fields.texts("by", false)) {
            try {
                by.add(EventPath.parse(path.text()));
            } catch (IllegalArgumentException e) {
                problems.add(path.position(), fields.owner() + ": " + e.getMessage());
            }
        }
        Duration wait = duration(fields, "wait", DEFAULT_WAIT, true);
        Duration interval = duration(fields, "interval", DEFAULT_INTERVAL, false);
        Duration repeat = duration(fields, "repeat", DEFAULT_REPEAT, false);
        return wait == null || interval == null || repeat == null ? null : new GroupSpec(by, wait, interval, repeat);
    }

    /** @return the throttle block, or null if it has problems (reported) */
    private ThrottleSpec throttle(MappingReader fields, Priority priority) {
        if (priority == Priority.URGENT) {
            problems.add(fields.position(), fields.owner() + ": an urgent rule is sent at once and never throttled;"
                    + " give the throttle to a rule of lower priority");
        }
        String maxText = fields.requiredText("max");
        Integer max = null;
        if (maxText != null) {
            try {
                max = Integer.parseInt(maxText);
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1) {
                problems.add(fields.position("max"), fields.owner() + ": 'max' must be a whole number of at least 1,"
                        + " not " + maxText);
            }
        }
        Duration per = fields.has("per") ? duration(fields, "per", null, false) : null;
        if (!fields.has("per")) {
            problems.add(fields.position(), fields.owner() + ": missing required 'per'");
        }
        String digest = fields.requiredText("digest");
        return max == null || max < 1 || per == null || digest == null ? null : new ThrottleSpec(max, per, digest);
    }

    /** @return the duration, the default when absent, or null if it is malformed (reported) */
    private Duration duration(MappingReader fields, String key, Duration fallback, boolean zeroAllowed) {
        String text = fields.has(key) ? fields.requiredText(key) : null;
        if (text == null) {
            return fields.has(key) ? null : fallback;
        }
        try {
            Duration duration = DurationText.parse(text);
            if (duration.isNegative() || !zeroAllowed && duration.isZero()) {
                problems.add(fields.position(key), fields.owner() + ": '" + key + "' must be "
                        + (zeroAllowed ? "zero or more" : "more than zero") + ", not " + text);
                return null;
            }
            return duration;
        } catch (IllegalArgumentException e) {
            problems.add(fields.position(key), fields.owner() + ": " + key + " " + e.getMessage());
            return null;
        }
    }

    /** @return the task block, or null if it has problems (reported) */
    private TaskSpec task(MappingReader fields) {
        List<String> actions = new ArrayList<>();
        for (MappingReader.Located action : fields.texts("actions", true)) {
            if (!ACTION.matcher(action.text()).matches()) {
                problems.add(action.position(), fields.owner() + ": action '" + action.text()
                        + "' must be lower-case letters, digits and dashes");
            } else if (actions.contains(action.text())) {
                problems.add(action.position(), fields.owner() + ": action '" + action.text() + "' is listed twice");
            } else {
                actions.add(action.text());
            }
        }
        if (fields.has("actions") && actions.isEmpty() && fields.node("actions") instanceof YamlNode.Sequence) {
            problems.add(fields.position("actions"), fields.owner() + ": 'actions' must not be empty");
        }
        EventPath title = fields.has("title") ? RoutingValues.path(fields, "title", problems) : null;
        EntityPaths entity = RoutingValues.entity(fields, problems);
        SlaPolicyConfig sla = sla(fields);
        List<String> reasonRequired = new ArrayList<>();
        for (MappingReader.Located action : fields.texts("reasonRequired", false)) {
            if (!actions.contains(action.text())) {
                problems.add(action.position(), fields.owner() + ": 'reasonRequired' names '" + action.text()
                        + "', which is not one of the task's actions");
            } else if ("comment".equals(action.text())) {
                problems.add(action.position(), fields.owner() + ": a comment is its own reason; leave it out of "
                        + "'reasonRequired'");
            } else if (!reasonRequired.contains(action.text())) {
                reasonRequired.add(action.text());
            }
        }
        return entity == null ? null
                : new TaskSpec(List.copyOf(actions), title, entity.system(), entity.type(), entity.id(), sla,
                        List.copyOf(reasonRequired));
    }

    /** The policy the task's SLA clock follows; null when the task has none, or the name is unknown (reported). */
    private SlaPolicyConfig sla(MappingReader fields) {
        String name = fields.has("sla") ? fields.requiredText("sla") : null;
        if (name == null) {
            return null;
        }
        return policies.policy(name).orElseGet(() -> {
            problems.add(fields.position("sla"), fields.owner() + ": unknown SLA policy '" + name + "'"
                    + (policies.names().isEmpty() ? " (no SLA policies are loaded)"
                            : " (defined in " + policies.file() + ": " + String.join(", ", policies.names()) + ")"));
            return null;
        });
    }

    private EventMatch match(MappingReader fields) {
        alternatives(fields, "type", "typePrefix", true);
        alternatives(fields, "source", "sourcePrefix", false);
        String type = fields.has("type") ? fields.requiredText("type") : null;
        String typePrefix = type == null && fields.has("typePrefix") ? fields.requiredText("typePrefix") : null;
        String source = fields.has("source") ? fields.requiredText("source") : null;
        String sourcePrefix = source == null && fields.has("sourcePrefix") ? fields.requiredText("sourcePrefix")
                : null;
        return new EventMatch(type, typePrefix, source, sourcePrefix);
    }

    /** Reports when both or (if required) neither of two alternative keys are given. */
    private void alternatives(MappingReader fields, String first, String second, boolean required) {
        if (fields.has(first) && fields.has(second)) {
            problems.add(fields.position(second), fields.owner() + ": give either '" + first + "' or '" + second
                    + "', not both");
        } else if (required && !fields.has(first) && !fields.has(second)) {
            problems.add(fields.position(), fields.owner() + ": missing '" + first + "' or '" + second + "'");
        }
    }

    private Condition condition(MappingReader fields, String ruleName) {
        String text = fields.text("condition");
        if (text == null) {
            return null;
        }
        try {
            return Condition.compile(ruleName, text);
        } catch (IllegalArgumentException e) {
            problems.add(fields.position("condition"), fields.owner() + ": invalid condition: " + e.getMessage());
            return null;
        }
    }

    private List<RecipientSpec> recipients(MappingReader rule) {
        List<YamlNode> items = rule.list("recipients", true);
        if (rule.has("recipients") && items.isEmpty() && rule.node("recipients") instanceof YamlNode.Sequence) {
            problems.add(rule.position("recipients"), rule.owner() + ": 'recipients' must not be empty");
        }
        List<RecipientSpec> recipients = new ArrayList<>();
        for (YamlNode item : items) {
            MappingReader fields = MappingReader.of(item, rule.owner() + ": recipient", problems, RECIPIENT);
            List<String> keys = item instanceof YamlNode.Mapping mapping ? List.copyOf(mapping.entries().keySet())
                    : List.of();
            if (keys.size() != 1) {
                if (item instanceof YamlNode.Mapping) {
                    problems.add(item.position(), fields.owner() + ": give exactly one of "
                            + String.join(", ", RECIPIENT.stream().sorted().toList()));
                }
                continue;
            }
            RecipientSpec.Kind.ofKey(keys.get(0))
                    .map(kind -> recipient(fields, kind))
                    .ifPresent(recipients::add);
        }
        return recipients;
    }

    /** @return the entry, or null if it has problems (reported) */
    private RecipientSpec recipient(MappingReader fields, RecipientSpec.Kind kind) {
        String value = fields.requiredText(kind.key());
        if (value == null) {
            return null;
        }
        String where = fields.owner() + ": " + kind.key() + " '" + value + "'";
        if (kind.readsEvent()) {
            EventPath path = RoutingValues.path(fields, kind.key(), problems);
            return path == null ? null : new RecipientSpec(kind, null, path);
        }
        boolean known = switch (kind) {
            case USER -> directory.user(value).isPresent();
            case TEAM -> directory.team(value).isPresent();
            default -> directory.group(value).isPresent();
        };
        if (!known) {
            problems.add(fields.position(kind.key()), where + " is not in the directory");
            return null;
        }
        return new RecipientSpec(kind, value, null);
    }

    private Priority priority(MappingReader fields) {
        String text = fields.text("priority");
        if (text == null) {
            return Priority.NORMAL;
        }
        Priority priority = RoutingValues.lowerCaseId(text, Priority::of);
        if (priority == null) {
            problems.add(fields.position("priority"), fields.owner() + ": unknown priority '" + text + "' (allowed: "
                    + PRIORITIES + ")");
        }
        return priority;
    }

    /** Names a rule in reports before its name is checked: by name when it has one, else by position. */
    private static String label(YamlNode node, int order) {
        if (node instanceof YamlNode.Mapping mapping && mapping.entries().get("name") != null
                && mapping.entries().get("name").value() instanceof YamlNode.Scalar name && !name.isNull()) {
            return "rule '" + name.text() + "'";
        }
        return "rule #" + (order + 1);
    }
}
