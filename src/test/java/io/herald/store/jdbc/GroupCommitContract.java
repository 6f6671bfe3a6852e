package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.herald.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Arrivals written at the same time share one transaction and one commit, and so do changes of notifications; each
 * is still answered as if it had been written alone. Every test holds a first commit back, lets the others queue behind it (counted by the store,
 * not timed) and then releases it, so what shares a transaction is known in advance.
 */
abstract class GroupCommitContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private GatedDataSource database;
    private JdbcStore store;
    private ExecutorService callers;

    /** A migrated database holding no events, notifications or audit entries. */
    protected abstract DataSource emptyDatabase() throws Exception;

    @BeforeEach
    void start() throws Exception {
        database = new GatedDataSource(emptyDatabase());
        store = new JdbcStore(database, new ObjectMapper());
        callers = Executors.newFixedThreadPool(32);
    }

    @AfterEach
    void stop() {
        database.release();
        callers.shutdownNow();
    }

    @Test
    void loneArrivalCommitsAtOnceOnItsCallersThread() {
        RoutedArrival arrival = arrival("evt-1", "n-1");

        assertThat(store.insertRoutedEvent(arrival)).isTrue();

        // Nobody else ran the commit and nothing waited for company: the caller's own call committed it.
        assertThat(database.committers()).containsExactly(Thread.currentThread().getName());
        assertThat(store.arrivalsWaiting()).isZero();
        assertStored(arrival);
    }

    @Test
    void concurrentArrivalsShareCommitsAndAreEachStoredOnce() throws Exception {
        int events = 200;
        int threads = 32;
        List<RoutedArrival> arrivals = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            arrivals.add(arrival("evt-" + i, "n-" + i + "-a", "n-" + i + "-b"));
        }
        database.holdNextCommit();
        List<Future<Boolean>> answers = new ArrayList<>();
        answers.add(submit(arrivals.get(0)));
        database.awaitHeld();
        for (RoutedArrival arrival : arrivals.subList(1, events)) {
            answers.add(submit(arrival));
        }
        // Every other caller thread now waits with one arrival behind the held commit.
        await(store::arrivalsWaiting, threads - 1);
        database.release();

        for (Future<Boolean> answer : answers) {
            assertThat(answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        for (RoutedArrival arrival : arrivals) {
            assertStored(arrival);
        }
        // The 31 that waited shared one transaction; the rest can at most have committed one by one.
        assertThat(database.committers()).hasSizeLessThanOrEqualTo(events - (threads - 2));
    }

    @Test
    void duplicatesInABatchAreAnsweredAsDuplicatesInItsOneTransaction() throws Exception {
        RoutedArrival earlier = arrival("evt-0", "n-0");
        assertThat(store.insertRoutedEvent(earlier)).isTrue();
        RoutedArrival first = arrival("evt-1", "n-1");
        RoutedArrival again = arrival("evt-0", "n-0-again");
        RoutedArrival second = arrival("evt-2", "n-2");
        RoutedArrival secondAgain = arrival("evt-2", "n-2-again");
        RoutedArrival third = arrival("evt-3", "n-3");

        List<Future<Boolean>> answers = behindAHeldCommit(arrival("evt-lead", "n-lead"),
                List.of(first, again, second, secondAgain, third));

        assertThat(answers(answers)).containsExactly(true, true, false, true, false, true);
        // The lone first arrival, the held one, and one for the whole batch.
        assertThat(database.committers()).hasSize(3);
        assertStored(earlier);
        assertStored(first);
        assertStored(second);
        assertStored(third);
        assertThat(store.findNotification("n-0-again")).isEmpty();
        assertThat(store.findNotification("n-2-again")).isEmpty();
    }

    @Test
    void badRowInABatchFailsOnlyItsOwnArrival() throws Exception {
        RoutedArrival earlier = arrival("evt-0", "n-0");
        assertThat(store.insertRoutedEvent(earlier)).isTrue();
        RoutedArrival first = arrival("evt-1", "n-1");
        RoutedArrival again = arrival("evt-0", "n-0-again");
        // Two notifications with one id: its second notification insert is refused by the primary key.
        RoutedArrival bad = arrival("evt-bad", "n-bad", "n-bad");
        RoutedArrival second = arrival("evt-2", "n-2");

        List<Future<Boolean>> answers = behindAHeldCommit(arrival("evt-lead", "n-lead"),
                List.of(first, again, bad, second));

        assertThat(answers.get(1).get()).isTrue();
        assertThat(answers.get(2).get()).isFalse();
        assertThat(answers.get(4).get()).isTrue();
        assertThatThrownBy(() -> answers.get(3).get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(StoreException.class).hasMessageStartingWith("insertRoutedEvent failed");
        assertStored(first);
        assertStored(second);
        assertStored(earlier);
        assertThat(store.findEvent(bad.event().key())).isEmpty();
        assertThat(store.findNotification("n-bad")).isEmpty();
        assertThat(store.auditOf(bad.event().key())).isEmpty();
        assertThat(store.findNotification("n-0-again")).isEmpty();
    }

    @Test
    void failedCommitFailsExactlyItsBatchAndStoresNoneOfIt() throws Exception {
        List<RoutedArrival> batch = List.of(arrival("evt-1", "n-1"), arrival("evt-2", "n-2"), arrival("evt-3", "n-3"));
        RoutedArrival lead = arrival("evt-lead", "n-lead");

        List<Future<Boolean>> answers = behindAHeldCommit(lead, batch, () -> database.failCommits(1));

        assertThat(answers.get(0).get()).isTrue();
        assertEachFailed(answers.subList(1, answers.size()), "insertRoutedEvent failed: SQLState 08006, vendor code 0 "
                + "(SQLException): An I/O error occurred while sending to the backend.");
        assertStored(lead);
        for (RoutedArrival arrival : batch) {
            assertThat(store.findEvent(arrival.event().key())).isEmpty();
            assertThat(store.notificationsOf(arrival.event().key())).isEmpty();
            assertThat(store.auditOf(arrival.event().key())).isEmpty();
        }
        // The senders retry, and then they are stored.
        for (RoutedArrival arrival : batch) {
            assertThat(store.insertRoutedEvent(arrival)).isTrue();
            assertStored(arrival);
        }
    }

    @Test
    void databaseDownFailsEveryWaitingArrivalAlike() throws Exception {
        List<RoutedArrival> batch = List.of(arrival("evt-1", "n-1"), arrival("evt-2", "n-2"));

        List<Future<Boolean>> answers = behindAHeldCommit(arrival("evt-lead", "n-lead"), batch, database::goDown);

        assertThat(answers.get(0).get()).isTrue();
        assertEachFailed(answers.subList(1, answers.size()), "insertRoutedEvent failed: no database connection "
                + "(SQLState 08001): Connection to 127.0.0.1:5432 refused");
        assertThat(database.committers()).hasSize(1);
    }

    @Test
    void concurrentNotificationChangesShareACommitAndEachIsAnsweredAsAlone() throws Exception {
        RoutedArrival arrival = arrival("evt-n", "n-lead", "n-1", "n-2", "n-3");
        assertThat(store.insertRoutedEvent(arrival)).isTrue();
        Map<String, Notification> pending = new java.util.HashMap<>();
        arrival.notifications().forEach(n -> pending.put(n.id(), n));
        Instant lease = T0.plusSeconds(60);
        AuditEntry leadEntry = audit("a-lead", arrival.event(), T0.plusSeconds(1), "sending");
        AuditEntry firstEntry = audit("a-1", arrival.event(), T0.plusSeconds(1), "sending");
        AuditEntry staleEntry = audit("a-2-stale", arrival.event(), T0.plusSeconds(1), "sending");
        AuditEntry thirdEntry = audit("a-3", arrival.event(), T0.plusSeconds(1), "sending");
        Notification second = pending.get("n-2").claimed(lease, T0.plusSeconds(1));
        Notification secondStale = pending.get("n-2").claimed(lease.plusSeconds(1), T0.plusSeconds(2));

        database.holdNextCommit();
        List<Future<Optional<Notification>>> answers = new ArrayList<>();
        answers.add(change(pending.get("n-lead").claimed(lease, T0.plusSeconds(1)), leadEntry));
        database.awaitHeld();
        for (Callable<Optional<Notification>> queued : List.<Callable<Optional<Notification>>>of(
                () -> store.updateNotification(pending.get("n-1").claimed(lease, T0.plusSeconds(1)), firstEntry),
                () -> store.updateNotification(second),
                () -> store.updateNotification(secondStale, staleEntry),
                () -> store.updateNotification(pending.get("n-3").claimed(lease, T0.plusSeconds(1)), thirdEntry))) {
            answers.add(callers.submit(queued));
            await(store::notificationChangesWaiting, answers.size() - 1);
        }
        database.release();

        List<Optional<Notification>> values = new ArrayList<>();
        for (Future<Optional<Notification>> answer : answers) {
            values.add(answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
        assertThat(values).extracting(Optional::isPresent).containsExactly(true, true, true, false, true);
        assertThat(values.get(2)).map(Notification::version).contains(second.version() + 1);
        assertThat(store.findNotification("n-2")).map(Notification::nextAttemptAt).contains(lease);
        // The arrival alone, the held change, and one for the four queued behind it.
        assertThat(database.committers()).hasSize(3);
        assertThat(store.auditOf(arrival.event().key())).containsExactlyInAnyOrder(arrival.received(),
                arrival.routed(), leadEntry, firstEntry, thirdEntry);
    }

    private Future<Optional<Notification>> change(Notification updated, AuditEntry entry) {
        Callable<Optional<Notification>> call = () -> store.updateNotification(updated, entry);
        return callers.submit(call);
    }

    private static void assertEachFailed(List<Future<Boolean>> answers, String message) {
        for (Future<Boolean> answer : answers) {
            assertThatThrownBy(answer::get).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(StoreException.class).hasMessage(message);
        }
    }

    /**
     * Writes {@code lead} and holds its commit back until every one of {@code batch} waits behind it, in order; then
     * lets all of them go.
     *
     * @return the answers, {@code lead}'s first
     */
    private List<Future<Boolean>> behindAHeldCommit(RoutedArrival lead, List<RoutedArrival> batch)
            throws InterruptedException {
        return behindAHeldCommit(lead, batch, () -> {
        });
    }

    /** Like {@link #behindAHeldCommit(RoutedArrival, List)}, doing {@code meanwhile} before letting them go. */
    private List<Future<Boolean>> behindAHeldCommit(RoutedArrival lead, List<RoutedArrival> batch, Runnable meanwhile)
            throws InterruptedException {
        database.holdNextCommit();
        List<Future<Boolean>> answers = new ArrayList<>();
        answers.add(submit(lead));
        database.awaitHeld();
        answers.addAll(queue(batch));
        meanwhile.run();
        database.release();
        for (Future<Boolean> answer : answers) {
            try {
                answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException expected) {
                // Some tests expect failures; they look at each answer themselves.
            } catch (TimeoutException e) {
                throw new AssertionError("an arrival was never answered", e);
            }
        }
        return answers;
    }

    /** Submits the arrivals one after the other, each once the one before waits: their order in the queue. */
    private List<Future<Boolean>> queue(List<RoutedArrival> arrivals) throws InterruptedException {
        List<Future<Boolean>> answers = new ArrayList<>();
        for (RoutedArrival arrival : arrivals) {
            answers.add(submit(arrival));
            await(store::arrivalsWaiting, answers.size());
        }
        return answers;
    }

    private Future<Boolean> submit(RoutedArrival arrival) {
        Callable<Boolean> call = () -> store.insertRoutedEvent(arrival);
        return callers.submit(call);
    }

    private static List<Boolean> answers(List<Future<Boolean>> answers) throws Exception {
        List<Boolean> values = new ArrayList<>();
        for (Future<Boolean> answer : answers) {
            values.add(answer.get());
        }
        return values;
    }

    /** Waits for a count to reach a value the test brings about (not for time to pass). */
    private static void await(IntSupplier count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (count.getAsInt() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + expected + " waiting, still " + count.getAsInt());
            }
            Thread.sleep(1);
        }
    }

    private void assertStored(RoutedArrival arrival) {
        EventKey key = arrival.event().key();
        assertThat(store.findEvent(key)).contains(arrival.routedEvent());
        assertThat(store.notificationsOf(key)).containsExactlyInAnyOrderElementsOf(arrival.notifications());
        assertThat(store.auditOf(key)).containsExactly(arrival.received(), arrival.routed());
    }

    /** A new event on {@code /crm/eu} routed by one rule to a pending e-mail per notification id. */
    private static RoutedArrival arrival(String eventId, String... notificationIds) {
        StoredEvent event = new StoredEvent("/crm/eu", eventId, "com.example.order.created", "orders/4711",
                T0.minusSeconds(2), T0, Map.of("specversion", "1.0"), "application/json", "{\"amount\": 12.5}",
                EventStatus.RECEIVED, List.of(), null);
        List<Notification> notifications = new ArrayList<>();
        for (String id : notificationIds) {
            notifications.add(new Notification(id, event.source(), event.id(), NotificationKind.EVENT, "vip-orders",
                    "order-created", "u-1", Channel.EMAIL, "anna@example.com", "de-CH", "Europe/Zurich",
                    Priority.HIGH, NotificationStatus.PENDING, 0, T0, null, null, null, T0, T0, 0));
        }
        return new RoutedArrival(event, audit(eventId + "-received", event, T0, "received"), notifications,
                List.of("vip-orders"), T0.plusMillis(3), audit(eventId + "-routed", event, T0.plusMillis(3), "routed"));
    }

    private static AuditEntry audit(String id, StoredEvent event, Instant at, String step) {
        return new AuditEntry(id, event.source(), event.id(), at, step, "herald", step + " detail");
    }
}
