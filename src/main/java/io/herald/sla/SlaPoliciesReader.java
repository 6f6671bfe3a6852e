package io.herald.sla;

import io.herald.config.ConfigFile;
import io.herald.config.MappingReader;
import io.herald.config.ProblemCollector;
import io.herald.config.YamlNode;
import io.herald.config.YamlReader;
import io.herald.directory.Directory;
import io.herald.domain.Channel;
import io.herald.domain.SlaCalendar;
import io.herald.domain.SlaPolicy;
import io.herald.domain.SlaTier;
import io.herald.domain.SlaWarning;
import io.herald.events.EventPath;
import io.herald.events.RoutingValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks an SLA policy file: calendars, then policies with their targets, warnings, escalation tiers,
 * channels and clock events. Every problem of the file is collected before failing. This class reads the file's
 * outline and each policy's own entries; calendars, warnings, tiers and clock events have readers of their own.
 */
final class SlaPoliciesReader {

    static final String DEFAULT_TEMPLATE = "sla-escalation";

    private static final Set<String> TOP = Set.of("calendars", "policies");
    private static final Set<String> POLICY = Set.of("version", "target", "due", "calendar", "warnings", "tiers",
            "channels", "template", "clock");

    private final ProblemCollector problems;
    private final SlaValues values;
    private final CalendarsReader calendars;
    private final WarningsReader warningsReader;
    private final TiersReader tiersReader;
    private final ClockEventsReader clockReader;

    private SlaPoliciesReader(ProblemCollector problems, Directory directory) {
        this.problems = problems;
        this.values = new SlaValues(problems);
        this.calendars = new CalendarsReader(problems);
        this.warningsReader = new WarningsReader(problems, values);
        this.tiersReader = new TiersReader(problems, values, directory);
        this.clockReader = new ClockEventsReader(problems);
    }

    /** @throws io.herald.config.ConfigurationProblem listing every problem of the file */
    static SlaPolicies read(ConfigFile file, Directory directory) {
        ProblemCollector problems = new ProblemCollector(file.location());
        YamlNode root = YamlReader.read(file, problems);
        List<SlaPolicyConfig> policies = new ArrayList<>();
        if (root != null) {
            SlaPoliciesReader reader = new SlaPoliciesReader(problems, directory);
            MappingReader top = MappingReader.of(root, "SLA file", problems, TOP);
            top.mapping("calendars", false).forEach((name, entry) -> reader.calendars.read(name, entry.value()));
            top.mapping("policies", true).forEach((name, entry) -> {
                SlaPolicyConfig policy = reader.policy(name, entry.value());
                if (policy != null) {
                    policies.add(policy);
                }
            });
        }
        problems.throwIfAny();
        return new SlaPolicies(file.location(), policies);
    }

    /** @return the policy, or null if it has problems (reported) */
    private SlaPolicyConfig policy(String name, YamlNode node) {
        int problemsBefore = problems.count();
        MappingReader fields = MappingReader.of(node, "policy '" + name + "'", problems, POLICY);
        Integer version = values.wholeNumber(fields, "version", 1, Integer.MAX_VALUE);
        Duration target = null;
        EventPath due = null;
        if (fields.has("target") && fields.has("due")) {
            problems.add(fields.position("due"), fields.owner() + ": give either 'target' or 'due', not both");
        } else if (fields.has("target")) {
            target = values.duration(fields, "target", false);
        } else if (fields.has("due")) {
            due = RoutingValues.path(fields, "due", problems);
        } else {
            problems.add(fields.position(), fields.owner() + ": missing 'target' (SLA time) or 'due' (an event path"
                    + " holding the deadline)");
        }
        SlaCalendar calendar = calendars.named(fields);
        List<SlaWarning> warnings = warningsReader.read(fields, target);
        List<SlaTier> tiers = tiersReader.read(fields);
        List<Channel> channels = fields.has("channels") ? RoutingValues.channels(fields, problems)
                : List.of(Channel.EMAIL);
        String template = fields.has("template") ? fields.requiredText("template") : DEFAULT_TEMPLATE;
        ClockEvents clock = clockReader.read(fields);
        if (problems.count() > problemsBefore) {
            return null;
        }
        return new SlaPolicyConfig(new SlaPolicy(name, version, target, calendar, warnings, tiers, channels,
                template), due, clock);
    }
}
