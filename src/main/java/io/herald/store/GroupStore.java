package io.herald.store;

import io.herald.domain.AlertGroup;
import io.herald.domain.ThrottleWindow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable memory of the groups events are counted into ({@link AlertGroup}): one row per group, of bounded size
 * however many events it counts; and of the throttling windows ({@link ThrottleWindow}) that decide when a rule's
 * notifications are folded into its digest, one row per rule, person and channel.
 *
 * <p>Like {@link Store}: every write is an insert-if-absent or an update conditional on the version read, so a
 * key-value store implements it without transactions; when a method returns the write is durable; instants are
 * kept to the microsecond (finer parts truncated). Implementations are thread-safe.
 */
public interface GroupStore {

    /** @return false if a group with the same id exists (left untouched) */
    boolean insertGroup(AlertGroup group);

    Optional<AlertGroup> findGroup(String id);

    /**
     * Replaces a group if its stored version is still {@code updated.version()}; the stored copy then carries
     * version + 1.
     *
     * @return the stored group, or empty if someone else changed it first (or it does not exist)
     */
    Optional<AlertGroup> updateGroup(AlertGroup updated);

    /**
     * Groups due for the sweep: {@code nextFlushAt} at or before {@code now}, earliest first. Groups without a
     * next flush are not read, so the cost follows the number of due groups. A store with eventually consistent
     * indexes may return a group an update behind: act on it through {@link #updateGroup}, whose version
     * condition refuses a stale copy.
     */
    List<AlertGroup> dueGroups(Instant now, int limit);

    /** @return false if a window with the same id exists (left untouched) */
    boolean insertWindow(ThrottleWindow window);

    Optional<ThrottleWindow> findWindow(String id);

    /**
     * Replaces a window if its stored version is still {@code updated.version()}; the stored copy then carries
     * version + 1.
     *
     * @return the stored window, or empty if someone else changed it first (or it does not exist)
     */
    Optional<ThrottleWindow> updateWindow(ThrottleWindow updated);
}
