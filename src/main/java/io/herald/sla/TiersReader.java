package io.herald.sla;

import io.herald.config.MappingReader;
import io.herald.config.ProblemCollector;
import io.herald.config.YamlNode;
import io.herald.directory.Directory;
import io.herald.domain.SlaTier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a policy's escalation tiers: when each fires, whom it reaches and how often it repeats. It is the one
 * part of a policy checked against the directory, so every user, team and group a tier names exists.
 */
final class TiersReader {

    private static final Set<String> TIER = Set.of("after", "to", "repeat");
    private static final Set<String> REPEAT = Set.of("every", "times");
    private static final Set<String> RELATIVE_RECIPIENTS = Set.of("assignees", "managers", "alternates");

    private final ProblemCollector problems;
    private final SlaValues values;
    private final Directory directory;

    TiersReader(ProblemCollector problems, SlaValues values, Directory directory) {
        this.problems = problems;
        this.values = values;
        this.directory = directory;
    }

    /** @return the tiers, numbered from 1 in list order; tiers with problems are reported */
    List<SlaTier> read(MappingReader policy) {
        List<YamlNode> items = policy.list("tiers", true);
        if (policy.node("tiers") instanceof YamlNode.Sequence && items.isEmpty()) {
            problems.add(policy.position("tiers"), policy.owner() + ": 'tiers' must not be empty");
        }
        List<SlaTier> tiers = new ArrayList<>();
        Duration lastAfter = null;
        for (int i = 0; i < items.size(); i++) {
            int level = i + 1;
            MappingReader fields = MappingReader.of(items.get(i), policy.owner() + ": tier " + level, problems, TIER);
            Duration after = values.duration(fields, "after", true);
            if (after != null && lastAfter != null && after.compareTo(lastAfter) <= 0) {
                problems.add(fields.position("after"), fields.owner() + ": 'after' (" + DurationText.format(after)
                        + ") must be later than the tier before it (" + DurationText.format(lastAfter) + ")");
            }
            lastAfter = after == null ? lastAfter : after;
            List<String> to = recipients(fields);
            Duration repeatEvery = null;
            int repeatTimes = 0;
            if (fields.has("repeat")) {
                MappingReader repeat = MappingReader.of(fields.node("repeat"), fields.owner() + ": repeat", problems, REPEAT);
                repeatEvery = values.duration(repeat, "every", false);
                Integer times = values.wholeNumber(repeat, "times", 1, Integer.MAX_VALUE);
                repeatTimes = times == null ? 0 : times;
            }
            tiers.add(new SlaTier(level, after, to, repeatEvery, repeatTimes));
        }
        return tiers;
    }

    private List<String> recipients(MappingReader tier) {
        List<MappingReader.Located> texts = tier.texts("to", true);
        if (tier.node("to") instanceof YamlNode.Sequence && texts.isEmpty()) {
            problems.add(tier.position("to"), tier.owner() + ": 'to' must not be empty");
        }
        List<String> to = new ArrayList<>();
        for (MappingReader.Located text : texts) {
            if (to.contains(text.text())) {
                problems.add(text.position(), tier.owner() + ": '" + text.text() + "' is listed twice");
            } else if (knownRecipient(tier, text)) {
                to.add(text.text());
            }
        }
        return to;
    }

    /** @return whether the entry names someone; if not, reported */
    private boolean knownRecipient(MappingReader tier, MappingReader.Located entry) {
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
}
