package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.domain.AlertGroup;
import io.herald.domain.Channel;
import io.herald.domain.Priority;
import io.herald.domain.ThrottleWindow;
import io.herald.support.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link GroupStore} promises, one test per promise. An implementation's test extends this class and
 * hands out an empty store for each test.
 */
public abstract class GroupStoreContract {

    /** Microsecond precision: what every store keeps. */
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final int THREADS = 8;
    private static final String ITEM = "{\"source\":\"/xconnector/runtime\",\"id\":\"e-1\",\"type\":\"integration"
            + ".record.failed\",\"time\":\"2026-03-01T10:15:30Z\",\"data\":{\"errorCode\":\"EDI-504\"}}";

    protected GroupStore store;

    /** A store holding nothing, not shared with any other test. */
    protected abstract GroupStore emptyStore() throws Exception;

    @BeforeEach
    void startEmpty() throws Exception {
        store = emptyStore();
    }

    @Test
    void insertedGroupIsReadBackUnchanged() {
        AlertGroup group = group("g-1", T0.plusSeconds(30));

        assertThat(store.insertGroup(group)).isTrue();

        assertThat(store.findGroup("g-1")).contains(group);
    }

    @Test
    void groupWithEveryFieldSetIsReadBackUnchanged() {
        AlertGroup announced = group("g-1", null).claimed(T0.plusSeconds(60), T0.plusSeconds(180))
                .announced(T0.plusSeconds(61));

        store.insertGroup(announced);

        assertThat(store.findGroup("g-1")).contains(announced);
        assertThat(announced.notifiedAt()).isNotNull();
        assertThat(announced.flushes()).isEqualTo(1);
    }

    @Test
    void instantsAreKeptToTheMicrosecond() {
        AlertGroup fine = group("g-1", T0.plusNanos(999));

        store.insertGroup(fine);

        assertThat(store.findGroup("g-1")).get().extracting(AlertGroup::nextFlushAt).isEqualTo(T0);
    }

    @Test
    void unknownGroupIsAbsent() {
        assertThat(store.findGroup("nope")).isEmpty();
    }

    @Test
    void secondInsertOfTheSameGroupIsRefusedAndChangesNothing() {
        AlertGroup first = group("g-1", T0);
        store.insertGroup(first);

        assertThat(store.insertGroup(first.counted(ITEM, "other", T0.plusSeconds(1), T0))).isFalse();

        assertThat(store.findGroup("g-1")).contains(first);
    }

    @Test
    void updateOnTheVersionReadIsStoredWithTheNextVersion() {
        AlertGroup group = group("g-1", T0.plusSeconds(30));
        store.insertGroup(group);
        AlertGroup counted = group.counted(ITEM, "e-2", T0.plusSeconds(5), T0.plusSeconds(99));

        Optional<AlertGroup> stored = store.updateGroup(counted);

        assertThat(stored).get().extracting(AlertGroup::version, AlertGroup::count, AlertGroup::unannounced)
                .containsExactly(1L, 2L, 2L);
        assertThat(store.findGroup("g-1")).isEqualTo(stored);
    }

    @Test
    void updateOnAStaleVersionIsRefusedAndChangesNothing() {
        AlertGroup group = group("g-1", T0.plusSeconds(30));
        store.insertGroup(group);
        AlertGroup first = store.updateGroup(group.counted(ITEM, "e-2", T0.plusSeconds(1), T0)).orElseThrow();

        assertThat(store.updateGroup(group.counted(ITEM, "e-3", T0.plusSeconds(2), T0))).isEmpty();

        assertThat(store.findGroup("g-1")).contains(first);
    }

    @Test
    void updateOfAMissingGroupIsRefused() {
        assertThat(store.updateGroup(group("g-1", T0))).isEmpty();
        assertThat(store.findGroup("g-1")).isEmpty();
    }

    @Test
    void concurrentCountsOnTheVersionReadLoseNoEvent() throws Exception {
        store.insertGroup(group("g-1", T0.plusSeconds(30)));
        int perThread = 5;

        Race.run(THREADS, thread -> {
            for (int event = 0; event < perThread; event++) {
                while (true) {
                    AlertGroup read = store.findGroup("g-1").orElseThrow();
                    if (store.updateGroup(read.counted(ITEM, thread + "/" + event, T0, T0)).isPresent()) {
                        break;
                    }
                }
            }
            return null;
        });

        assertThat(store.findGroup("g-1")).get().extracting(AlertGroup::count)
                .isEqualTo(1L + THREADS * perThread);
    }

    @Test
    void dueGroupsAreThoseWhoseNextFlushHasComeEarliestFirst() {
        store.insertGroup(group("later", T0.plusSeconds(20)));
        store.insertGroup(group("earlier", T0.plusSeconds(10)));
        store.insertGroup(group("exactly-now", T0.plusSeconds(30)));
        store.insertGroup(group("future", T0.plusSeconds(31)));
        store.insertGroup(group("quiet", null));

        assertThat(store.dueGroups(T0.plusSeconds(30), 10)).extracting(AlertGroup::id)
                .containsExactly("earlier", "later", "exactly-now");
    }

    @Test
    void dueGroupsStopAtTheLimit() {
        for (int i = 0; i < 5; i++) {
            store.insertGroup(group("g-" + i, T0.plusSeconds(i)));
        }

        assertThat(store.dueGroups(T0.plusSeconds(60), 2)).extracting(AlertGroup::id).containsExactly("g-0", "g-1");
    }

    @Test
    void anAnnouncedGroupWithNothingNewLeavesTheDueGroups() {
        AlertGroup group = group("g-1", T0);
        store.insertGroup(group);
        AlertGroup claimed = store.updateGroup(group.claimed(T0, T0.plusSeconds(120))).orElseThrow();
        assertThat(store.dueGroups(T0.plusSeconds(120), 10)).extracting(AlertGroup::id).containsExactly("g-1");

        store.updateGroup(claimed.announced(T0.plusSeconds(1)));

        assertThat(store.dueGroups(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> store.dueGroups(T0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- throttling windows -----------------------------------------------------------------------------

    @Test
    void insertedWindowIsReadBackUnchanged() {
        ThrottleWindow window = new ThrottleWindow("w-1", T0, 1, 0);

        assertThat(store.insertWindow(window)).isTrue();

        assertThat(store.findWindow("w-1")).contains(window);
        assertThat(store.findWindow("w-2")).isEmpty();
    }

    @Test
    void secondInsertOfTheSameWindowIsRefusedAndChangesNothing() {
        ThrottleWindow first = new ThrottleWindow("w-1", T0, 1, 0);
        store.insertWindow(first);

        assertThat(store.insertWindow(first.restarted(T0.plusSeconds(5)).sentOneMore())).isFalse();

        assertThat(store.findWindow("w-1")).contains(first);
    }

    @Test
    void windowUpdatesAreConditionalOnTheVersionRead() {
        ThrottleWindow window = new ThrottleWindow("w-1", T0, 1, 0);
        store.insertWindow(window);

        ThrottleWindow stored = store.updateWindow(window.sentOneMore()).orElseThrow();

        assertThat(stored).isEqualTo(new ThrottleWindow("w-1", T0, 2, 1));
        assertThat(store.updateWindow(window.restarted(T0.plusSeconds(60)))).isEmpty();
        assertThat(store.updateWindow(new ThrottleWindow("w-2", T0, 1, 0))).isEmpty();
        assertThat(store.findWindow("w-1")).contains(stored);
    }

    @Test
    void concurrentSendsOnTheVersionReadAreEachCountedOnce() throws Exception {
        store.insertWindow(new ThrottleWindow("w-1", T0, 0, 0));

        Race.run(THREADS, thread -> {
            while (store.updateWindow(store.findWindow("w-1").orElseThrow().sentOneMore()).isEmpty()) {
                Thread.onSpinWait();
            }
            return null;
        });

        assertThat(store.findWindow("w-1")).get().extracting(ThrottleWindow::sent).isEqualTo((long) THREADS);
    }

    @Test
    void windowsAreNeitherGroupsNorDue() {
        store.insertWindow(new ThrottleWindow("w-1", T0, 1, 0));

        assertThat(store.findGroup("w-1")).isEmpty();
        assertThat(store.dueGroups(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
    }

    /** A group of one event, due at {@code due} (null: not due). */
    static AlertGroup group(String id, Instant due) {
        return new AlertGroup(id, "integration-record-failures", "SAP S/4HANA / EDI-504", "integration-failure-group",
                Priority.HIGH, "frank", Channel.EMAIL, "frank@example.com", "en", "Europe/Berlin", 1, 1, ITEM, ITEM,
                "e-1", T0, T0, null, 0, 0, false, due, Duration.ofMinutes(5), T0, T0, 0);
    }

}
