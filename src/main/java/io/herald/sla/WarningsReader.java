package io.herald.sla;

import io.herald.config.MappingReader;
import io.herald.config.ProblemCollector;
import io.herald.config.YamlNode;
import io.herald.domain.SlaWarning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a policy's warnings and checks that they are listed in the order they fall due. The order is checked
 * here because checkpoints fire in list order.
 */
final class WarningsReader {

    private static final Set<String> WARNING = Set.of("percent", "before");

    private final ProblemCollector problems;
    private final SlaValues values;

    WarningsReader(ProblemCollector problems, SlaValues values) {
        this.problems = problems;
        this.values = values;
    }

    /** @param target the policy's SLA time, or null when the deadline comes from the event or was reported */
    List<SlaWarning> read(MappingReader policy, Duration target) {
        List<SlaWarning> warnings = new ArrayList<>();
        Duration lastFires = null;
        for (YamlNode item : policy.list("warnings", false)) {
            MappingReader fields = MappingReader.of(item, policy.owner() + ": warning", problems, WARNING);
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
    private SlaWarning warning(MappingReader fields, Duration target) {
        if (fields.has("percent") == fields.has("before")) {
            problems.add(fields.position(), fields.owner() + ": give exactly one of 'percent' or 'before'");
            return null;
        }
        if (fields.has("percent")) {
            Integer percent = values.wholeNumber(fields, "percent", 1, 99);
            return percent == null ? null : new SlaWarning(percent, null);
        }
        Duration before = values.duration(fields, "before", false);
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
}
