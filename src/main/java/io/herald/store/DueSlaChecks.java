package io.herald.store;

import io.herald.domain.Task;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Answers {@link TaskStore#dueSlaChecks} exactly from an index of {@link SlaCheckIndex} values.
 *
 * <p>Every task due by {@code now} is indexed at or before {@code now} rounded up, so one range read finds them;
 * but when {@code now} is not a whole microsecond, that range's last microsecond may also hold checks a few
 * nanoseconds after {@code now}. Those are dropped by their exact time, and they sort last (ties in id order),
 * so only a range cut short by the limit inside that microsecond can have left out due tasks: then that
 * microsecond is read whole. The second read is rare and small (the checks of one microsecond).
 */
public final class DueSlaChecks {

    /** The two reads a store offers on its index. */
    public interface Index {

        /** Tasks indexed at or before {@code bound}, in index order (then id), at most {@code limit}. */
        List<Task> upTo(Instant bound, int limit);

        /** Every task indexed at exactly {@code at}, in id order. */
        List<Task> at(Instant at);
    }

    private DueSlaChecks() {
    }

    /** @param limit at least 1 */
    public static List<Task> read(Index index, Instant now, int limit) {
        Instant bound = SlaCheckIndex.roundedUp(now);
        List<Task> range = index.upTo(bound, limit);
        List<Task> due = range.stream().filter(t -> isDue(t, now)).toList();
        if (due.size() == range.size() || range.size() < limit) {
            return due;
        }
        Stream<Task> before = due.stream().filter(t -> SlaCheckIndex.of(t).isBefore(bound));
        Stream<Task> within = index.at(bound).stream().filter(t -> isDue(t, now));
        return Stream.concat(before, within).limit(limit).toList();
    }

    private static boolean isDue(Task task, Instant now) {
        return task.sla() != null && task.sla().nextCheckAt() != null && !task.sla().nextCheckAt().isAfter(now);
    }
}
