package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.support.ApplicationH2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * At shutdown the compaction rounds stop before the database closes: once {@code stop()} has returned no round
 * touches the database, and {@code stop()} waits for a round in progress instead of letting it fail halfway.
 */
class H2FileCompactionStopTest {

    @Test
    void noRoundReachesTheDatabaseOnceStopped() throws Exception {
        GatedDataSource database = new GatedDataSource(ApplicationH2.dataSource(freshDir()));
        H2FileCompaction compaction = new H2FileCompaction(database);

        compaction.stop();

        assertThat(compaction.compactOnce()).isFalse();
        assertThat(database.connectionsAskedFor()).isZero();
    }

    @Test
    void stopWaitsForTheRoundInProgress() throws Exception {
        GatedDataSource database = new GatedDataSource(ApplicationH2.dataSource(freshDir()));
        H2FileCompaction compaction = new H2FileCompaction(database);
        AtomicReference<Throwable> roundFailure = new AtomicReference<>();
        database.holdNextConnection();
        Thread round = new Thread(() -> {
            try {
                compaction.compactOnce();
            } catch (RuntimeException e) {
                roundFailure.set(e);
            }
        });
        round.start();
        database.awaitHeld();

        Thread stop = new Thread(compaction::stop);
        stop.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stop.getState() != Thread.State.BLOCKED && stop.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(stop.getState()).as("stop waits while the round runs").isEqualTo(Thread.State.BLOCKED);

        database.release();
        stop.join(10_000);
        round.join(10_000);
        assertThat(stop.isAlive()).as("stop returned once the round ended").isFalse();
        assertThat(roundFailure.get()).as("the round in progress ran to its end").isNull();
        assertThat(compaction.compactOnce()).isFalse();
        assertThat(database.connectionsAskedFor()).isEqualTo(1);
    }

    private static Path freshDir() throws Exception {
        return Files.createDirectories(Path.of("target", "compaction-stop-test", "run-" + System.nanoTime()))
                .toAbsolutePath();
    }
}
