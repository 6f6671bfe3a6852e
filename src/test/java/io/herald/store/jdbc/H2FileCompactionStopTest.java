package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.support.ApplicationH2;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * At shutdown the compaction rounds stop before the database closes: once {@code stop()} has returned no round
 * touches the database, and {@code stop()} waits for a round in progress instead of letting it fail halfway.
 */
class H2FileCompactionStopTest {

    @Test
    void noRoundReachesTheDatabaseOnceStopped() throws Exception {
        CountingDataSource database = new CountingDataSource(freshDir(), new CountDownLatch(0));
        H2FileCompaction compaction = new H2FileCompaction(database.dataSource);

        compaction.stop();

        assertThat(compaction.compactOnce()).isFalse();
        assertThat(database.connections).hasValue(0);
    }

    @Test
    void stopWaitsForTheRoundInProgress() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountingDataSource database = new CountingDataSource(freshDir(), release);
        H2FileCompaction compaction = new H2FileCompaction(database.dataSource);
        AtomicReference<Throwable> roundFailure = new AtomicReference<>();
        Thread round = new Thread(() -> {
            try {
                compaction.compactOnce();
            } catch (RuntimeException e) {
                roundFailure.set(e);
            }
        });
        round.start();
        assertThat(database.entered.await(10, TimeUnit.SECONDS)).as("the round reached the database").isTrue();

        Thread stop = new Thread(compaction::stop);
        stop.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stop.getState() != Thread.State.BLOCKED && stop.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(stop.getState()).as("stop waits while the round runs").isEqualTo(Thread.State.BLOCKED);

        release.countDown();
        stop.join(10_000);
        round.join(10_000);
        assertThat(stop.isAlive()).as("stop returned once the round ended").isFalse();
        assertThat(roundFailure.get()).as("the round in progress ran to its end").isNull();
        assertThat(compaction.compactOnce()).isFalse();
        assertThat(database.connections).hasValue(1);
    }

    private static Path freshDir() throws Exception {
        return Files.createDirectories(Path.of("target", "compaction-stop-test", "run-" + System.nanoTime()))
                .toAbsolutePath();
    }

    /** Herald's H2 database that counts connections asked for and hands each out once {@code release} is open. */
    private static final class CountingDataSource {

        final AtomicInteger connections = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        final DataSource dataSource;

        CountingDataSource(Path dir, CountDownLatch release) {
            JdbcDataSource h2 = ApplicationH2.dataSource(dir);
            dataSource = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getConnection")) {
                            connections.incrementAndGet();
                            entered.countDown();
                            release.await();
                        }
                        try {
                            return method.invoke(h2, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
