package io.herald.sla;

import io.herald.config.MappingReader;
import io.herald.config.ProblemCollector;
import io.herald.events.EntityPaths;
import io.herald.events.RoutingValues;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a policy's {@code clock} block: where events name their record, and the event types that pause, resume
 * or stop the clock. A type may appear in only one of the three lists, so an event never does two things.
 */
final class ClockEventsReader {

    private static final Set<String> CLOCK = Set.of("entity", "pause", "resume", "stop");
    private static final List<String> LISTS = List.of("pause", "resume", "stop");

    private final ProblemCollector problems;

    ClockEventsReader(ProblemCollector problems) {
        this.problems = problems;
    }

    /** @return the clock events, or null if the policy has no {@code clock} block */
    ClockEvents read(MappingReader policy) {
        if (!policy.has("clock")) {
            return null;
        }
        MappingReader fields = MappingReader.of(policy.node("clock"), policy.owner() + ": clock", problems, CLOCK);
        EntityPaths entity = RoutingValues.entity(fields, problems);
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        Map<String, String> listOf = new HashMap<>();
        for (String list : LISTS) {
            Set<String> types = new LinkedHashSet<>();
            for (MappingReader.Located type : fields.texts(list, false)) {
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
}
