package io.herald.sla;

import io.herald.config.MappingReader;
import io.herald.config.ProblemCollector;
import java.time.Duration;

/**
 * The durations and whole numbers of an SLA policy file. Targets, warnings, tiers and repeats all contain them,
 * so they are read and reported in one place, with one wording.
 */
final class SlaValues {

    private final ProblemCollector problems;

    SlaValues(ProblemCollector problems) {
        this.problems = problems;
    }

    /**
     * @param zeroAllowed whether zero is a valid value (tier offsets) or not (targets, lead times, repeats)
     * @return the required duration, or null if missing or invalid (reported)
     */
    Duration duration(MappingReader fields, String key, boolean zeroAllowed) {
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

    /** @return the required number, or null if missing or invalid (reported) */
    Integer wholeNumber(MappingReader fields, String key, int min, int max) {
        String text = fields.requiredText(key);
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
