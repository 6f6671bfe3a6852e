package io.herald.routing;

import java.time.Duration;
import java.util.List;

/**
 * What a grouped delivery joins: the group key's values as the event gave them, and the rule's timing.
 *
 * @param keyValues one per path of {@link GroupSpec#by}, in that order; an absent value is the empty text
 */
public record GroupPlan(List<String> keyValues, Duration initialWait, Duration interval, Duration repeat) {

    /** Shown where a key value is absent. */
    public static final String ABSENT = "-";

    public GroupPlan {
        keyValues = List.copyOf(keyValues);
    }

    /** The key as people read it, e.g. {@code SAP S/4HANA / EDI-504}; at most {@code maxLength} characters. */
    public String label(int maxLength) {
        String label = keyValues.isEmpty() ? "all" : String.join(" / ",
                keyValues.stream().map(v -> v.isEmpty() ? ABSENT : v).toList());
        return label.length() > maxLength ? label.substring(0, maxLength - 3) + "..." : label;
    }
}
