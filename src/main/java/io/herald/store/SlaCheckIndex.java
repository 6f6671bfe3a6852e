package io.herald.store;

import io.herald.domain.SlaClock;
import io.herald.domain.Task;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The value every store indexes a task's next SLA check under: {@code sla().nextCheckAt()} rounded UP to whole
 * microseconds, the finest time an index keeps.
 *
 * <p>The clock itself, inside its JSON, keeps nanoseconds. Rounding up, rather than truncating as the stores do
 * with every other instant, keeps a check even a nanosecond after a whole-microsecond {@code now} out of the
 * range "indexed at or before {@code now}" (truncated, a check at now + 500 ns would be indexed at now), while a
 * check at or before any {@code now} stays within "at or before {@code now} rounded up". When {@code now} itself
 * has a finer part, {@link DueSlaChecks} settles the one microsecond that is left in doubt.
 */
public final class SlaCheckIndex {

    private SlaCheckIndex() {
    }

    /** The index value of a task, or null when it has no clock or no next check (it is then not indexed). */
    public static Instant of(Task task) {
        SlaClock clock = task.sla();
        return clock == null ? null : roundedUp(clock.nextCheckAt());
    }

    /** The instant itself if it is a whole microsecond, else the next whole microsecond; null stays null. */
    public static Instant roundedUp(Instant instant) {
        if (instant == null) {
            return null;
        }
        Instant truncated = instant.truncatedTo(ChronoUnit.MICROS);
        return truncated.equals(instant) ? instant : truncated.plus(1, ChronoUnit.MICROS);
    }
}
