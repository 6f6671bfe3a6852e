package io.herald.grouping;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.AlertGroup;
import io.herald.domain.NotificationKind;
import io.herald.domain.StoredEvent;
import io.herald.metrics.HeraldMetrics;
import io.herald.store.GroupStore;
import io.herald.work.NotificationWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Announces the groups that are due: one notification per group and announcement, telling how many events the
 * group holds, how many are new, and its first and latest event. Safe to run from several places at once.
 *
 * <p>An announcement is claimed first, by a conditional update of the group that numbers it and takes its events
 * out of the unannounced ones; then it is stored as an event of Herald's own ({@value AnnouncementEvents#TYPE})
 * keyed by the group and that number, with its notification, and the claim is cleared. Of two sweeps one claims;
 * a sweep that dies after its claim leaves the group due again shortly ({@link #RETRY_AFTER}), and the next sweep
 * completes the same announcement, which, being keyed by its number, is stored and sent once.
 */
@ApplicationScoped
public class GroupAnnouncements {

    /** How soon a claimed announcement is looked at again when the sweep that claimed it did not complete it. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(2);
    private static final Logger LOG = Logger.getLogger(GroupAnnouncements.class);

    private final GroupStore groups;
    private final NotificationWork work;
    private final HeraldMetrics metrics;
    private final ObjectMapper json;

    public GroupAnnouncements(GroupStore groups, NotificationWork work, HeraldMetrics metrics, ObjectMapper json) {
        this.groups = groups;
        this.work = work;
        this.metrics = metrics;
        this.json = json;
    }

    /**
     * Announces up to {@code limit} groups due by {@code now}. One group's failure is logged and counted, and
     * left for a later sweep; the others go on.
     *
     * @return the announcements stored by this call
     */
    public int announceDue(Instant now, int limit) {
        List<AlertGroup> due;
        try {
            due = groups.dueGroups(now, limit);
        } catch (RuntimeException e) {
            metrics.workFailed("group-announcements");
            LOG.errorf(e, "could not read the groups due; a later sweep tries again");
            return 0;
        }
        int announced = 0;
        for (AlertGroup group : due) {
            try {
                if (announce(group, now)) {
                    announced++;
                }
            } catch (RuntimeException e) {
                metrics.workFailed("group-announcements");
                LOG.errorf(e, "announcing group %s failed; a later sweep completes it", group.id());
            }
        }
        return announced;
    }

    /** @return true if this call stored an announcement */
    boolean announce(AlertGroup group, Instant now) {
        if (group.nextFlushAt() == null || group.nextFlushAt().isAfter(now)) {
            return false;
        }
        AlertGroup claimed = group;
        if (!group.announcing()) {
            Optional<AlertGroup> updated = groups.updateGroup(group.unannounced() == 0 ? group.quiet(now)
                    : group.claimed(now, now.plus(RETRY_AFTER)));
            if (updated.isEmpty() || !updated.get().announcing()) {
                // changed meanwhile (an event counted, another sweep's claim): the group is looked at again
                return false;
            }
            claimed = updated.get();
        }
        StoredEvent announcement = AnnouncementEvents.of(claimed, json);
        AlertGroup told = claimed;
        boolean stored = work.recordOwn(announcement, List.of(told.rule()), first -> List.of(work.plan(first,
                NotificationKind.EVENT, told.rule(), told.template(), told.priority(), told.recipient(),
                told.channel(), told.address(), told.locale(), told.timeZone())));
        complete(claimed, now);
        return stored;
    }

    /** Clears the claim, keeping what was counted meanwhile; gives up when another sweep cleared it first. */
    private void complete(AlertGroup claimed, Instant now) {
        AlertGroup current = claimed;
        while (groups.updateGroup(current.announced(now)).isEmpty()) {
            Optional<AlertGroup> reread = groups.findGroup(claimed.id());
            if (reread.isEmpty() || !reread.get().announcing() || reread.get().flushes() != claimed.flushes()) {
                return;
            }
            current = reread.get();
        }
    }
}
