package io.herald.grouping;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.AlertGroup;
import io.herald.domain.GroupIds;
import io.herald.domain.Notification;
import io.herald.domain.NotificationIds;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.StoredEvent;
import io.herald.routing.Delivery;
import io.herald.routing.GroupPlan;
import io.herald.store.GroupStore;
import io.herald.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts a routed event into the group its delivery joins, instead of planning a notification of its own, and
 * plans the record of that: a {@link NotificationStatus#GROUPED} notification, never sent, which shows where the
 * event went.
 *
 * <p>Counting is one conditional write on the group row (an insert for a new group). Events of the same group
 * take turns within this process ({@link GroupTurns}); the write is retried when another process, or the sweep's
 * announcement, changed the row first. It is idempotent per event: an event whose GROUPED record is stored is
 * not counted again, and neither is the event the group counted last, which covers routing repeated after a crash
 * between the two writes (unless another event of the same group came in between).
 */
@ApplicationScoped
public class EventGrouping {

    /** Longest a group key is shown; the group's id covers the whole key. */
    static final int MAX_LABEL = 256;
    private static final int MAX_ATTEMPTS = 100;

    private final GroupStore groups;
    private final Store store;
    private final ObjectMapper json;
    private final Clock clock;
    private final GroupTurns turns = new GroupTurns();

    public EventGrouping(GroupStore groups, Store store, ObjectMapper json, Clock clock) {
        this.groups = groups;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param delivery one with a {@link Delivery#group}
     * @return the event's GROUPED notification for this person and channel, to be stored with the event's others
     * @throws IllegalStateException when the group kept changing under every attempt; routing the event again
     *         completes it
     */
    public Notification count(StoredEvent event, Delivery delivery) {
        Instant now = clock.instant();
        // A sender's retry arrives as a new event: its notification carries the receipt time of the one stored.
        Optional<StoredEvent> stored = store.findEvent(event.key());
        Notification grouped = grouped(stored.orElse(event), delivery, now);
        Optional<Notification> recorded = stored.isEmpty() ? Optional.empty() : store.storedDelivery(grouped);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        GroupPlan plan = delivery.group();
        String id = GroupIds.of(delivery.rule(), plan.keyValues(), delivery.userId(), delivery.channel());
        String item = GroupItems.of(event, json);
        turns.inTurn(id, () -> countInTurn(id, event, delivery, item));
        return grouped;
    }

    private void countInTurn(String id, StoredEvent event, Delivery delivery, String item) {
        // read in turn, so that the group's times follow the order its events are counted in
        Instant now = clock.instant();
        GroupPlan plan = delivery.group();
        String counted = GroupIds.event(event.key());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<AlertGroup> current = groups.findGroup(id);
            if (current.isEmpty()) {
                if (groups.insertGroup(opened(id, delivery, item, counted, now))) {
                    return;
                }
                continue;
            }
            AlertGroup group = current.get();
            if (counted.equals(group.lastEvent())) {
                return;
            }
            AlertGroup next = closed(group, plan, now)
                    ? group.reopened(item, counted, now, now.plus(plan.initialWait()))
                    : group.counted(item, counted, now, updateDue(group, plan, now));
            if (groups.updateGroup(next).isPresent()) {
                return;
            }
        }
        throw new IllegalStateException("group " + id + " changed under each of " + MAX_ATTEMPTS
                + " attempts to count event " + event.id());
    }

    private static Notification grouped(StoredEvent event, Delivery d, Instant now) {
        return new Notification(NotificationIds.of(event, d.userId(), d.channel()), event.source(), event.id(),
                NotificationKind.EVENT, d.rule(), d.template(), d.userId(), d.channel(), d.address(), d.locale(),
                d.timeZone(), d.priority(), NotificationStatus.GROUPED, 0, null, null, null, null, now, now, 0);
    }

    private static AlertGroup opened(String id, Delivery d, String item, String counted, Instant now) {
        GroupPlan plan = d.group();
        return new AlertGroup(id, d.rule(), plan.label(MAX_LABEL), d.template(), d.priority(), d.userId(),
                d.channel(), d.address(), d.locale(), d.timeZone(), 1, 1, item, item, counted, now, now, null, 0, 0,
                false, now.plus(plan.initialWait()), plan.interval(), now, now, 0);
    }

    /** Quiet for the rule's repeat since its last announcement, with nothing left to tell: the group is over. */
    private static boolean closed(AlertGroup group, GroupPlan plan, Instant now) {
        return !group.announcing() && group.unannounced() == 0 && group.notifiedAt() != null
                && !now.isBefore(group.notifiedAt().plus(plan.repeat()));
    }

    /** An update comes no sooner than the interval after the last announcement. */
    private static Instant updateDue(AlertGroup group, GroupPlan plan, Instant now) {
        if (group.notifiedAt() == null) {
            return now.plus(plan.initialWait());
        }
        Instant earliest = group.notifiedAt().plus(plan.interval());
        return earliest.isAfter(now) ? earliest : now;
    }
}
