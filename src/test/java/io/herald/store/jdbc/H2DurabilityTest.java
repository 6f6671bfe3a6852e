package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.AuditEntry;
import io.herald.domain.Channel;
import io.herald.domain.EventKey;
import io.herald.domain.EventStatus;
import io.herald.domain.Notification;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.Priority;
import io.herald.domain.StoredEvent;
import io.herald.store.RoutedArrival;
import io.herald.support.ApplicationH2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * With the application's H2 settings, a write is on disk when the store returns: a process killed right after
 * its last write loses none of them: inserts, updates, and arrivals written concurrently, which share commits.
 */
class H2DurabilityTest {

    private static final int EVENTS = 200;

    @Test
    void writesSurviveAKilledProcess() throws Exception {
        Path dir = Files.createDirectories(Paths.get("target", "durability-test")).toAbsolutePath();
        String url = ApplicationH2.url(dir.resolve("run-" + System.nanoTime()));

        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WriteThenDie.class.getName(), url)
                .inheritIO()
                .start();
        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).as("writer finished").isTrue();
        assertThat(writer.exitValue()).as("writer exit code").isEqualTo(WriteThenDie.KILLED);

        JdbcStore reopened = new JdbcStore(dataSource(url), new ObjectMapper());
        for (int i = 0; i < EVENTS; i++) {
            assertThat(reopened.findEvent(new EventKey("/durability", "evt-" + i))).as("event %d", i)
                    .hasValueSatisfying(event -> assertThat(event.status()).isEqualTo(EventStatus.ROUTED));
            RoutedArrival arrival = WriteThenDie.arrival(i);
            EventKey routed = arrival.event().key();
            assertThat(reopened.findEvent(routed)).as("routed event %d", i).contains(arrival.routedEvent());
            assertThat(reopened.notificationsOf(routed)).as("its notification").hasSize(1);
            assertThat(reopened.auditOf(routed)).as("its audit").hasSize(2);
        }
    }

    private static JdbcDataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return dataSource;
    }

    /** Stores events, then ends its process at once, the way a crash or a kill does. */
    public static final class WriteThenDie {

        static final int KILLED = 42;

        public static void main(String[] args) throws Exception {
            JdbcDataSource dataSource = dataSource(args[0]);
            // Held open like a pool's connections: closing the last one would close the database and flush it.
            Connection open = dataSource.getConnection();
            Flyway.configure().dataSource(dataSource).load().migrate();
            JdbcStore store = new JdbcStore(dataSource, new ObjectMapper());
            for (int i = 0; i < EVENTS; i++) {
                store.insertEvent(new StoredEvent("/durability", "evt-" + i, "t", null, null, Instant.now(), Map.of(),
                        null, null, EventStatus.RECEIVED, List.of(), null));
                assertThat(store.markRouted(new EventKey("/durability", "evt-" + i), List.of("r"), Instant.now()))
                        .isTrue();
            }
            ExecutorService callers = Executors.newFixedThreadPool(16);
            List<Future<Boolean>> stored = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                RoutedArrival arrival = arrival(i);
                stored.add(callers.submit(() -> store.insertRoutedEvent(arrival)));
            }
            for (Future<Boolean> answer : stored) {
                assertThat(answer.get()).isTrue();
            }
            assertThat(open.isClosed()).isFalse();
            Runtime.getRuntime().halt(KILLED);
        }

        /** An event routed to one e-mail, stored with it in one write. */
        static RoutedArrival arrival(int i) {
            Instant at = Instant.parse("2026-03-01T10:15:30Z");
            StoredEvent event = new StoredEvent("/durability/routed", "evt-" + i, "t", null, null, at, Map.of(), null,
                    null, EventStatus.RECEIVED, List.of(), null);
            Notification email = new Notification("n-" + i, event.source(), event.id(), NotificationKind.EVENT, "r",
                    "t", "u-1", Channel.EMAIL, "anna@example.com", "en", "UTC", Priority.NORMAL,
                    NotificationStatus.PENDING, 0, at, null, null, null, at, at, 0);
            return new RoutedArrival(event, audit("a-" + i + "-received", event, "received"), List.of(email),
                    List.of("r"), at, audit("a-" + i + "-routed", event, "routed"));
        }

        private static AuditEntry audit(String id, StoredEvent event, String step) {
            return new AuditEntry(id, event.source(), event.id(), event.receivedAt(), step, "herald", null);
        }
    }
}
