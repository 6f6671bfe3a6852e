package io.herald.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.AlertGroup;
import io.herald.domain.Channel;
import io.herald.domain.EventStatus;
import io.herald.domain.GroupIds;
import io.herald.domain.Notification;
import io.herald.domain.NotificationStatus;
import io.herald.domain.Priority;
import io.herald.domain.StoredEvent;
import io.herald.domain.ThrottleWindow;
import io.herald.routing.Delivery;
import io.herald.routing.GroupPlan;
import io.herald.store.GroupStore;
import io.herald.store.jdbc.JdbcGroupStore;
import io.herald.store.jdbc.JdbcStore;
import io.herald.support.LeftoverDataDir;
import io.herald.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Counting events into their group on an H2 store: once per event, on the rule's timing. */
class EventGroupingCountTest {

    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    private static final GroupPlan PLAN = new GroupPlan(List.of("SAP S/4HANA", "EDI-422"), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofHours(4));
    private static final Delivery TO_FRANK = new Delivery("integration-record-failures", "integration-failure-group",
            Priority.HIGH, "frank", Channel.EMAIL, "frank@example.com", "en", "Europe/Berlin", PLAN);
    private static final String GROUP = GroupIds.of(TO_FRANK.rule(), PLAN.keyValues(), "frank", Channel.EMAIL);

    private final TestClock clock = TestClock.at(T0);
    private JdbcGroupStore groups;
    private JdbcStore store;
    private EventGrouping grouping;

    @BeforeEach
    void emptyStore() {
        LeftoverDataDir dataDir = LeftoverDataDir.create("grouping-count-" + UUID.randomUUID());
        ObjectMapper json = new ObjectMapper();
        groups = new JdbcGroupStore(dataDir.dataSource());
        store = new JdbcStore(dataDir.dataSource(), json);
        grouping = new EventGrouping(groups, store, json, clock);
    }

    @Test
    void theFirstEventOpensAGroupDueAfterTheWait() {
        Notification grouped = grouping.count(event("r-1"), TO_FRANK);

        assertThat(grouped.status()).isEqualTo(NotificationStatus.GROUPED);
        assertThat(grouped.nextAttemptAt()).isNull();
        AlertGroup group = groups.findGroup(GROUP).orElseThrow();
        assertThat(group).extracting(AlertGroup::count, AlertGroup::unannounced, AlertGroup::nextFlushAt,
                AlertGroup::groupKey).containsExactly(1L, 1L, T0.plusSeconds(60), "SAP S/4HANA / EDI-422");
    }

    @Test
    void countingTheEventCountedLastAgainChangesNothing() {
        grouping.count(event("r-1"), TO_FRANK);
        AlertGroup once = groups.findGroup(GROUP).orElseThrow();

        // routing repeated after a crash between the group's write and the storing of its GROUPED record
        grouping.count(event("r-1"), TO_FRANK);

        assertThat(groups.findGroup(GROUP)).contains(once);
    }

    @Test
    void anEventWhoseGroupedRecordIsStoredIsNotCountedAgain() {
        StoredEvent first = event("r-1");
        Notification grouped = grouping.count(first, TO_FRANK);
        // stored with its event, as routing stores them
        store.insertEvent(first);
        store.insertNotification(grouped);
        grouping.count(event("r-2"), TO_FRANK);

        clock.set(T0.plusSeconds(5));
        grouping.count(event("r-1"), TO_FRANK);

        assertThat(groups.findGroup(GROUP).orElseThrow().count()).isEqualTo(2);
    }

    @Test
    void aGroupedRecordStoredUnderAnIdOfAnEarlierVersionStopsACountAgain() {
        StoredEvent first = event("r-1");
        Notification grouped = grouping.count(first, TO_FRANK);
        store.insertEvent(first);
        store.insertNotification(new Notification("earlier-" + grouped.id(), grouped.eventSource(),
                grouped.eventId(), grouped.kind(), grouped.rule(), grouped.template(), grouped.recipient(),
                grouped.channel(), grouped.address(), grouped.locale(), grouped.timeZone(), grouped.priority(),
                grouped.status(), 0, null, null, null, null, grouped.createdAt(), grouped.updatedAt(), 0));
        grouping.count(event("r-2"), TO_FRANK);

        assertThat(grouping.count(event("r-1"), TO_FRANK).id()).isEqualTo("earlier-" + grouped.id());
        assertThat(groups.findGroup(GROUP).orElseThrow().count()).isEqualTo(2);
    }

    @Test
    void eventsAfterAnAnnouncementAreDueNoSoonerThanTheInterval() {
        grouping.count(event("r-1"), TO_FRANK);
        AlertGroup group = groups.findGroup(GROUP).orElseThrow();
        AlertGroup claimed = groups.updateGroup(group.claimed(T0.plusSeconds(60), T0.plusSeconds(180))).orElseThrow();
        groups.updateGroup(claimed.announced(T0.plusSeconds(60)));

        clock.set(T0.plusSeconds(90));
        grouping.count(event("r-2"), TO_FRANK);

        assertThat(groups.findGroup(GROUP).orElseThrow()).extracting(AlertGroup::count, AlertGroup::unannounced,
                AlertGroup::nextFlushAt).containsExactly(2L, 1L, T0.plusSeconds(360));
    }

    @Test
    void aGroupQuietForTheRepeatOpensAfreshWithItsNextEvent() {
        grouping.count(event("r-1"), TO_FRANK);
        AlertGroup group = groups.findGroup(GROUP).orElseThrow();
        AlertGroup claimed = groups.updateGroup(group.claimed(T0.plusSeconds(60), T0.plusSeconds(180))).orElseThrow();
        groups.updateGroup(claimed.announced(T0.plusSeconds(60)));
        Instant later = T0.plusSeconds(60).plus(Duration.ofHours(4));

        clock.set(later);
        grouping.count(event("r-2"), TO_FRANK);

        assertThat(groups.findGroup(GROUP).orElseThrow()).extracting(AlertGroup::count, AlertGroup::openedAt,
                AlertGroup::nextFlushAt, AlertGroup::flushes).containsExactly(1L, later, later.plusSeconds(60), 1L);
    }

    @Test
    void concurrentEventsIntoOneGroupAreAllCountedTakingTurns() throws Exception {
        RefusalCounting counting = new RefusalCounting(groups);
        EventGrouping shared = new EventGrouping(counting, store, new ObjectMapper(), clock);
        int events = 400;
        List<Callable<Notification>> calls = IntStream.range(0, events)
                .<Callable<Notification>>mapToObj(i -> () -> shared.count(event("r-" + i), TO_FRANK))
                .toList();

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Notification> results;
        try {
            results = pool.invokeAll(calls).stream().map(EventGroupingCountTest::result).toList();
        } finally {
            pool.shutdownNow();
        }

        assertThat(results).hasSize(events).allMatch(n -> n.status() == NotificationStatus.GROUPED);
        assertThat(groups.findGroup(GROUP).orElseThrow().count()).isEqualTo(events);
        assertThat(counting.refused.get()).as("writes that lost a race for the group row").isZero();
    }

    private static Notification result(Future<Notification> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError("an event was not counted", e);
        }
    }

    /** Counts the conditional writes refused because another writer changed the row first. */
    private static final class RefusalCounting implements GroupStore {

        final AtomicInteger refused = new AtomicInteger();
        private final GroupStore delegate;

        RefusalCounting(GroupStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean insertGroup(AlertGroup group) {
            boolean inserted = delegate.insertGroup(group);
            if (!inserted) {
                refused.incrementAndGet();
            }
            return inserted;
        }

        @Override
        public Optional<AlertGroup> findGroup(String id) {
            return delegate.findGroup(id);
        }

        @Override
        public Optional<AlertGroup> updateGroup(AlertGroup updated) {
            Optional<AlertGroup> stored = delegate.updateGroup(updated);
            if (stored.isEmpty()) {
                refused.incrementAndGet();
            }
            return stored;
        }

        @Override
        public List<AlertGroup> dueGroups(Instant now, int limit) {
            return delegate.dueGroups(now, limit);
        }

        @Override
        public boolean insertWindow(ThrottleWindow window) {
            return delegate.insertWindow(window);
        }

        @Override
        public Optional<ThrottleWindow> findWindow(String id) {
            return delegate.findWindow(id);
        }

        @Override
        public Optional<ThrottleWindow> updateWindow(ThrottleWindow updated) {
            return delegate.updateWindow(updated);
        }
    }

    /** As received now: a sender's retry arrives as a new event. */
    private StoredEvent event(String id) {
        return new StoredEvent("/xconnector/runtime/scheduler", id, "integration.record.failed", null, T0,
                clock.instant(), Map.of(), "application/json", "{\"errorCode\":\"EDI-422\"}", EventStatus.RECEIVED,
                List.of(), null);
    }
}
