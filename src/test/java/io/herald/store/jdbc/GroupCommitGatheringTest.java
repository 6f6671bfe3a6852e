package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.store.jdbc.GroupCommit.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A leader waits for company only while callers come in a steady stream. The gaps between callers are set on a
 * clock of the test's own, and the gather window is an hour: a leader that waits when it should not never returns
 * within the test's timeout, and one that does not wait when it should writes alone.
 */
@Timeout(30)
class GroupCommitGatheringTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private final AtomicLong clock = new AtomicLong(1);
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    private GroupCommit<String, String> groupCommit(int maxBatch) {
        return new GroupCommit<>("test write", maxBatch, 4 * maxBatch, HOUR, clock::get, items -> {
            batches.add(List.copyOf(items));
            return items.stream().map(Outcome::of).toList();
        });
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void aLeaderInASteadyStreamWaitsUntilItsBatchIsFull() throws Exception {
        GroupCommit<String, String> commit = groupCommit(3);
        assertThat(commit.submit("a")).isEqualTo("a");

        // Ten minutes after the first: a gap well inside half the window, so b's leader waits for company.
        clock.addAndGet(Duration.ofMinutes(10).toNanos());
        Future<String> b = callers.submit(() -> commit.submit("b"));
        awaitWaiting(commit, 1);
        Future<String> c = callers.submit(() -> commit.submit("c"));
        awaitWaiting(commit, 2);
        Future<String> d = callers.submit(() -> commit.submit("d"));

        assertThat(List.of(b.get(20, TimeUnit.SECONDS), c.get(20, TimeUnit.SECONDS), d.get(20, TimeUnit.SECONDS)))
                .containsExactly("b", "c", "d");
        assertThat(batches).containsExactly(List.of("a"), List.of("b", "c", "d"));
    }

    @Test
    void aCallerAfterAGapLongerThanHalfTheWindowWritesAtOnce() {
        GroupCommit<String, String> commit = groupCommit(3);
        assertThat(commit.submit("a")).isEqualTo("a");

        clock.addAndGet(Duration.ofHours(2).toNanos());

        assertThat(commit.submit("b")).isEqualTo("b");
        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    }

    /** Counted by the group commit, not timed: the leader itself stays queued while it gathers. */
    private static void awaitWaiting(GroupCommit<String, String> commit, int queued) throws InterruptedException {
        while (commit.waiting() < queued) {
            Thread.sleep(1);
        }
    }
}
