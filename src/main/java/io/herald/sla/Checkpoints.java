package io.herald.sla;

import io.herald.domain.SlaPolicy;
import io.herald.domain.SlaTier;
import io.herald.domain.SlaWarning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lays out a policy's checkpoints for a target, in the order they fire: warnings, the breach at the target, then
 * each tier {@code after} the breach with its repeats until the next tier begins. The same policy and target
 * always give the same list, which is what lets a task remember its progress as a count.
 */
public final class Checkpoints {

    private Checkpoints() {
    }

    public static List<Checkpoint> of(SlaPolicy policy, Duration target) {
        List<Checkpoint> planned = new ArrayList<>();
        for (SlaWarning warning : policy.warnings()) {
            Duration at = warning.percent() != null
                    ? target.multipliedBy(warning.percent()).dividedBy(100)
                    : target.minus(warning.before());
            if (!at.isNegative() && at.compareTo(target) < 0) {
                String label = warning.percent() != null ? warning.percent() + "%-used"
                        : DurationText.format(warning.before()) + "-left";
                planned.add(new Checkpoint(0, at, Checkpoint.WARNING, label, 0, List.of(Checkpoint.ASSIGNEES)));
            }
        }
        planned.add(new Checkpoint(0, target, Checkpoint.BREACH, "due-passed", 0, List.of(Checkpoint.ASSIGNEES)));
        List<SlaTier> tiers = policy.tiers();
        for (int i = 0; i < tiers.size(); i++) {
            SlaTier tier = tiers.get(i);
            Duration start = target.plus(tier.after());
            Duration end = i + 1 < tiers.size() ? target.plus(tiers.get(i + 1).after()) : null;
            String label = "tier-" + tier.level();
            planned.add(new Checkpoint(0, start, Checkpoint.ESCALATION, label, tier.level(), tier.to()));
            for (int repeat = 1; tier.repeatEvery() != null && repeat <= tier.repeatTimes(); repeat++) {
                Duration at = start.plus(tier.repeatEvery().multipliedBy(repeat));
                if (end != null && at.compareTo(end) >= 0) {
                    break;
                }
                planned.add(new Checkpoint(0, at, Checkpoint.ESCALATION, label + "-repeat-" + repeat, tier.level(),
                        tier.to()));
            }
        }
        // Stable: warnings due at the same moment keep their file order, and come before the breach.
        planned.sort(Comparator.comparing(Checkpoint::at));
        List<Checkpoint> numbered = new ArrayList<>(planned.size());
        for (Checkpoint c : planned) {
            numbered.add(new Checkpoint(numbered.size(), c.at(), c.kind(), c.label(), c.tier(), c.to()));
        }
        return numbered;
    }
}
