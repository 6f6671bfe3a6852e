package io.herald.sla;

import io.herald.config.ConfigFile;
import io.herald.config.Fields;
import io.herald.config.Problems;
import io.herald.config.YamlNode;
import io.herald.config.YamlReader;
import io.herald.directory.Directory;
import io.herald.domain.Channel;
import io.herald.domain.SlaCalendar;
import io.herald.domain.SlaPolicy;
import io.herald.domain.SlaTier;
import io.herald.domain.SlaWarning;
import io.herald.routing.EventPath;
import io.herald.routing.RoutingValues;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and checks an SLA policy file: calendars, then policies with their targets, warnings, escalation tiers,
 * channels and clock events. Every problem of the file is collected before failing.
 */
final class SlaPoliciesReader {

    static final String DEFAULT_TEMPLATE = "sla-escalation";

    private static final Set<String> TOP = Set.of("calendars", "policies");
    private static final Set<String> CALENDAR = Set.of("timeZone", "workingDays", "hours", "holidays");
    private static final Set<String> HOURS = Set.of("opens", "closes");
    private static final Set<String> POLICY = Set.of("version", "target", "due", "calendar", "warnings", "tiers",
            "channels", "template", "clock");
    private static final Set<String> WARNING = Set.of("percent", "before");
    private static final Set<String> TIER = Set.of("after", "to", "repeat");
    private static final Set<String> REPEAT = Set.of("every", "times");
    private static final Set<String> CLOCK = Set.of("entity", "pause", "resume", "stop");
    private static final List<String> CLOCK_LISTS = List.of("pause", "resume", "stop");
    private static final Set<String> RELATIVE_RECIPIENTS = Set.of("assignees", "managers", "alternates");
    private static final Map<String, DayOfWeek> DAYS = Arrays.stream(DayOfWeek.values())
            .collect(Collectors.toUnmodifiableMap(day -> day.name().substring(0, 3), day -> day));
    private static final String DAY_NAMES = "MON, TUE, WED, THU, FRI, SAT, SUN";

    private final Problems problems;
    private final Directory directory;
    /** Every calendar the file declares, also those with problems, so a policy naming one is not reported too. */
    private final Set<String> declaredCalendars = new HashSet<>();
    private final Map<String, SlaCalendar> calendars = new HashMap<>();

    private SlaPoliciesReader(Problems problems, Directory directory) {
        this.problems = problems;
        this.directory = directory;
    }

    /** @throws io.herald.config.ConfigurationProblem listing every problem of the file */
    static SlaPolicies read(ConfigFile file, Directory directory) {
        Problems problems = new Problems(file.location());
        YamlNode root = YamlReader.read(file, problems);
        List<SlaPolicyConfig> policies = new ArrayList<>();
        if (root != null) {
            SlaPoliciesReader reader = new SlaPoliciesReader(problems, directory);
            Fields top = Fields.of(root, "SLA file", problems, TOP);
            top.mapping("calendars", false).forEach((name, entry) -> reader.calendar(name, entry.value()));
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

    // ---- calendars ----------------------------------------------------------------------------------------------

    private void calendar(String name, YamlNode node) {
        declaredCalendars.add(name);
        int problemsBefore = problems.count();
        Fields fields = Fields.of(node, "calendar '" + name + "'", problems, CALENDAR);
        String zone = zone(fields);
        List<DayOfWeek> workingDays = workingDays(fields);
        LocalTime[] hours = hours(fields);
        List<LocalDate> holidays = holidays(fields);
        if (problems.count() == problemsBefore) {
            calendars.put(name, new SlaCalendar(name, zone, workingDays, hours[0], hours[1], holidays));
        }
    }

    private String zone(Fields fields) {
        String zone = fields.requiredText("timeZone");
        if (zone == null) {
            return null;
        }
        try {
            ZoneId.of(zone);
            return zone;
        } catch (DateTimeException e) {
            problems.add(fields.position("timeZone"), fields.owner() + ": unknown time zone '" + zone
                    + "' (use an IANA zone such as Europe/Berlin)");
            return null;
        }
    }

    private List<DayOfWeek> workingDays(Fields fields) {
        List<DayOfWeek> days = new ArrayList<>();
        for (Fields.Located text : fields.texts("workingDays", true)) {
            DayOfWeek day = DAYS.get(text.text());
            if (day == null) {
                problems.add(text.position(), fields.owner() + ": unknown day '" + text.text() + "' (allowed: "
                        + DAY_NAMES + ")");
            } else if (days.contains(day)) {
                problems.add(text.position(), fields.owner() + ": day '" + text.text() + "' is listed twice");
            } else {
                days.add(day);
            }
        }
        // Without a working day no SLA time ever passes: deadlines could never be computed.
        if (fields.node("workingDays") instanceof YamlNode.Sequence sequence && sequence.items().isEmpty()) {
            problems.add(fields.position("workingDays"), fields.owner() + ": 'workingDays' must name at least one"
                    + " day");
        }
        return days;
    }

    /** @return opens and closes; either may be null after a report */
    private LocalTime[] hours(Fields calendar) {
        if (!calendar.has("hours")) {
            problems.add(calendar.position(), calendar.owner() + ": missing required 'hours' (opens, closes)");
            return new LocalTime[2];
        }
        Fields fields = Fields.of(calendar.node("hours"), calendar.owner() + ": hours", problems, HOURS);
        LocalTime opens = time(fields, "opens");
        LocalTime closes = time(fields, "closes");
        if (opens != null && closes != null && !opens.isBefore(closes)) {
            problems.add(fields.position("closes"), fields.owner() + ": 'closes' (" + closes
                    + ") must be after 'opens' (" + opens + ") on the same day");
        }
        return new LocalTime[] {opens, closes};
    }

    private LocalTime time(Fields fields, String key) {
        String text = fields.requiredText(key);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(fields.position(key), fields.owner() + ": '" + key + "' must be a time of day such as"
                    + " 08:00, not '" + text + "'");
            return null;
        }
    }

    private List<LocalDate> holidays(Fields fields) {
        List<LocalDate> holidays = new ArrayList<>();
        for (Fields.Located text : fields.texts("holidays", false)) {
            try {
                LocalDate day = LocalDate.parse(text.text());
                if (holidays.contains(day)) {
                    problems.add(text.position(), fields.owner() + ": holiday " + day + " is listed twice");
                } else {
                    holidays.add(day);
                }
            } catch (DateTimeParseException e) {
                problems.add(text.position(), fields.owner() + ": holiday '" + text.text()
                        + "' must be a date such as 2026-12-24");
            }
        }
        return holidays;
    }

    // ---- policies -----------------------------------------------------------------------------------------------

    /** @return the policy, or null if it has problems (reported) */
    private SlaPolicyConfig policy(String name, YamlNode node) {
        int problemsBefore = problems.count();
        Fields fields = Fields.of(node, "policy '" + name + "'", problems, POLICY);
        Integer version = wholeNumber(fields, "version", 1, Integer.MAX_VALUE, true);
        Duration target = null;
        EventPath due = null;
        if (fields.has("target") && fields.has("due")) {
            problems.add(fields.position("due"), fields.owner() + ": give either 'target' or 'due', not both");
        } else if (fields.has("target")) {
            target = duration(fields, "target", false);
        } else if (fields.has("due")) {
            due = RoutingValues.path(fields, "due", problems);
        } else {
            problems.add(fields.position(), fields.owner() + ": missing 'target' (SLA time) or 'due' (an event path"
                    + " holding the deadline)");
        }
        SlaCalendar calendar = calendarOf(fields);
        List<SlaWarning> warnings = warnings(fields, target);
        List<SlaTier> tiers = tiers(fields);
        List<Channel> channels = fields.has("channels") ? RoutingValues.channels(fields, problems)
                : List.of(Channel.EMAIL);
        String template = fields.has("template") ? fields.requiredText("template") : DEFAULT_TEMPLATE;
        ClockEvents clock = fields.has("clock") ? clock(Fields.of(fields.node("clock"), fields.owner() + ": clock",
                problems, CLOCK)) : null;
        if (problems.count() > problemsBefore) {
            return null;
        }
        return new SlaPolicyConfig(new SlaPolicy(name, version, target, calendar, warnings, tiers, channels,
                template), due, clock);
    }

    private SlaCalendar calendarOf(Fields fields) {
        String name = fields.text("calendar");
        if (name == null) {
            return null;
        }
        if (!declaredCalendars.contains(name)) {
            problems.add(fields.position("calendar"), fields.owner() + ": unknown calendar '" + name + "'"
                    + (declaredCalendars.isEmpty() ? " (the file defines no calendars)"
                            : " (defined: " + String.join(", ", declaredCalendars.stream().sorted().toList())
                                    + ")"));
        }
        return calendars.get(name);
    }

    private List<SlaWarning> warnings(Fields policy, Duration target) {
        List<SlaWarning> warnings = new ArrayList<>();
        Duration lastFires = null;
        for (YamlNode item : policy.list("warnings", false)) {
            Fields fields = Fields.of(item, policy.owner() + ": warning", problems, WARNING);
            SlaWarning warning = warning(fields, target);
            if (warning == null) {
                continue;
            }
            // Checkpoints fire in list order, so the list must be the order in which they fall due.
            Duration fires = firesAfter(warning, target);
            if (fires != null && lastFires != null && fires.compareTo(lastFires) <= 0) {
                problems.add(item.position(), fields.owner() + " falls due after " + DurationText.format(fires)
                        + ", not later than the warning before it (" + DurationText.format(lastFires)
                        + "); list warnings in the order they fall due");
            } else if (fires == null && !orderedAmongItsKind(warning, warnings)) {
                problems.add(item.position(), fields.owner() + " must fall due later than the warnings of its kind"
                        + " before it; list warnings in the order they fall due");
            }
            lastFires = fires == null ? lastFires : fires;
            warnings.add(warning);
        }
        return warnings;
    }

    /** @return the warning, or null if it has problems (reported) */
    private SlaWarning warning(Fields fields, Duration target) {
        if (fields.has("percent") == fields.has("before")) {
            problems.add(fields.position(), fields.owner() + ": give exactly one of 'percent' or 'before'");
            return null;
        }
        if (fields.has("percent")) {
            Integer percent = wholeNumber(fields, "percent", 1, 99, true);
            return percent == null ? null : new SlaWarning(percent, null);
        }
        Duration before = duration(fields, "before", false);
        if (before == null) {
            return null;
        }
        if (target != null && before.compareTo(target) >= 0) {
            problems.add(fields.position("before"), fields.owner() + ": 'before' (" + DurationText.format(before)
                    + ") must be less than the target (" + DurationText.format(target) + ")");
            return null;
        }
        return new SlaWarning(null, before);
    }

    /** With a target a warning falls due at a known point; with a deadline from the event only at run time. */
    private static Duration firesAfter(SlaWarning warning, Duration target) {
        if (target == null) {
            return null;
        }
        return warning.percent() != null ? target.multipliedBy(warning.percent()).dividedBy(100)
                : target.minus(warning.before());
    }

    /** Percentages must rise and lead times shrink down the list, whatever the deadline turns out to be. */
    private static boolean orderedAmongItsKind(SlaWarning warning, List<SlaWarning> earlier) {
        for (SlaWarning previous : earlier) {
            if (warning.percent() != null && previous.percent() != null && warning.percent() <= previous.percent()) {
                return false;
            }
            if (warning.before() != null && previous.before() != null
                    && warning.before().compareTo(previous.before()) >= 0) {
                return false;
            }
        }
        return true;
    }

    private List<SlaTier> tiers(Fields policy) {
        List<YamlNode> items = policy.list("tiers", true);
        if (policy.node("tiers") instanceof YamlNode.Sequence && items.isEmpty()) {
            problems.add(policy.position("tiers"), policy.owner() + ": 'tiers' must not be empty");
        }
        List<SlaTier> tiers = new ArrayList<>();
        Duration lastAfter = null;
        for (int i = 0; i < items.size(); i++) {
            int level = i + 1;
            Fields fields = Fields.of(items.get(i), policy.owner() + ": tier " + level, problems, TIER);
            Duration after = duration(fields, "after", true);
            if (after != null && lastAfter != null && after.compareTo(lastAfter) <= 0) {
                problems.add(fields.position("after"), fields.owner() + ": 'after' (" + DurationText.format(after)
                        + ") must be later than the tier before it (" + DurationText.format(lastAfter) + ")");
            }
            lastAfter = after == null ? lastAfter : after;
            List<String> to = escalationRecipients(fields);
            Duration repeatEvery = null;
            int repeatTimes = 0;
            if (fields.has("repeat")) {
                Fields repeat = Fields.of(fields.node("repeat"), fields.owner() + ": repeat", problems, REPEAT);
                repeatEvery = duration(repeat, "every", false);
                Integer times = wholeNumber(repeat, "times", 1, Integer.MAX_VALUE, true);
                repeatTimes = times == null ? 0 : times;
            }
            tiers.add(new SlaTier(level, after, to, repeatEvery, repeatTimes));
        }
        return tiers;
    }

    private List<String> escalationRecipients(Fields tier) {
        List<Fields.Located> texts = tier.texts("to", true);
        if (tier.node("to") instanceof YamlNode.Sequence && texts.isEmpty()) {
            problems.add(tier.position("to"), tier.owner() + ": 'to' must not be empty");
        }
        List<String> to = new ArrayList<>();
        for (Fields.Located text : texts) {
            if (to.contains(text.text())) {
                problems.add(text.position(), tier.owner() + ": '" + text.text() + "' is listed twice");
            } else if (knownRecipient(tier, text)) {
                to.add(text.text());
            }
        }
        return to;
    }

    /** @return whether the entry names someone; if not, reported */
    private boolean knownRecipient(Fields tier, Fields.Located entry) {
        String text = entry.text();
        if (RELATIVE_RECIPIENTS.contains(text)) {
            return true;
        }
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "" : text.substring(0, colon);
        String id = colon < 0 ? "" : text.substring(colon + 1);
        Boolean known = switch (kind) {
            case "user" -> directory.user(id).isPresent();
            case "team" -> directory.team(id).isPresent();
            case "group" -> directory.group(id).isPresent();
            default -> null;
        };
        if (known == null || id.isEmpty()) {
            problems.add(entry.position(), tier.owner() + ": unknown recipient '" + text + "' (use assignees,"
                    + " managers, alternates, user:<id>, team:<id> or group:<id>)");
            return false;
        }
        if (!known) {
            problems.add(entry.position(), tier.owner() + ": " + kind + " '" + id + "' is not in the directory");
        }
        return known;
    }

    private ClockEvents clock(Fields fields) {
        EntityPaths entity = RoutingValues.entity(fields, problems);
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        Map<String, String> listOf = new HashMap<>();
        for (String list : CLOCK_LISTS) {
            Set<String> types = new LinkedHashSet<>();
            for (Fields.Located type : fields.texts(list, false)) {
                String earlier = listOf.putIfAbsent(type.text(), list);
                if (earlier == null) {
                    types.add(type.text());
                } else {
                    problems.add(type.position(), fields.owner() + ": event type '" + type.text() + "' is already"
                            + " listed under '" + earlier + "'");
                }
            }
            lists.put(list, types);
        }
        if (listOf.isEmpty()) {
            problems.add(fields.position(), fields.owner() + ": name event types under at least one of 'pause',"
                    + " 'resume' or 'stop'");
        }
        return new ClockEvents(entity, lists.get("pause"), lists.get("resume"), lists.get("stop"));
    }

    // ---- values -------------------------------------------------------------------------------------------------

    /**
     * @param zeroAllowed whether zero is a valid value (tier offsets) or not (targets, lead times, repeats)
     * @return the duration, or null if missing or invalid (reported)
     */
    private Duration duration(Fields fields, String key, boolean zeroAllowed) {
        String text = fields.requiredText(key);
        if (text == null) {
            return null;
        }
        Duration duration;
        try {
            duration = DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(fields.position(key), fields.owner() + ": '" + key + "': " + e.getMessage());
            return null;
        }
        if (duration.isNegative() || (!zeroAllowed && duration.isZero())) {
            problems.add(fields.position(key), fields.owner() + ": '" + key + "' must be "
                    + (zeroAllowed ? "zero or more" : "more than zero") + ", not '" + text + "'");
            return null;
        }
        return duration;
    }

    /** @return the number, or null if missing or invalid (reported) */
    private Integer wholeNumber(Fields fields, String key, int min, int max, boolean required) {
        String text = required ? fields.requiredText(key) : fields.text(key);
        if (text == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        problems.add(fields.position(key), fields.owner() + ": '" + key + "' must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? "" : " to " + max) + ", not '" + text + "'");
        return null;
    }
}
