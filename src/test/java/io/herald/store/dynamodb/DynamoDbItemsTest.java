package io.herald.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.domain.AuditEntry;
import io.herald.domain.Channel;
import io.herald.domain.EventKey;
import io.herald.domain.EventStatus;
import io.herald.domain.Notification;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.Priority;
import io.herald.domain.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the DynamoDB store writes into its tables, beyond what the store contract can see. */
class DynamoDbItemsTest {

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final EventKey EVENT = new EventKey("/crm/eu", "evt-1");
    private static final int THREADS = 8;

    private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

    private DynamoDbTables tables;
    private DynamoDbStore store;

    @BeforeEach
    void createTables() {
        tables = DYNALITE.createTables();
        store = storeAt(NOW);
    }

    @AfterEach
    void dropTables() {
        DYNALITE.dropTables();
    }

    @Test
    void everyItemCarriesItsExpiryAtTheRetentionFromItsLastWrite() {
        long firstExpiry = NOW.plus(RETENTION).getEpochSecond();
        store.insertEvent(event("evt-1", EventStatus.RECEIVED));
        store.insertEvent(event("evt-2", EventStatus.RECEIVED));
        Notification pending = notification("n-1", NotificationStatus.PENDING);
        store.insertNotification(pending);
        store.insertNotification(notification("n-2", NotificationStatus.PENDING));
        store.appendAudit(audit("a-1", T0));

        assertThat(expiries(tables.events())).containsExactlyInAnyOrder(firstExpiry, firstExpiry);
        assertThat(expiries(tables.notifications())).containsExactlyInAnyOrder(firstExpiry, firstExpiry);
        assertThat(expiries(tables.audit())).containsExactly(firstExpiry);

        Instant later = NOW.plus(Duration.ofDays(2));
        long laterExpiry = later.plus(RETENTION).getEpochSecond();
        storeAt(later).markRouted(EVENT, List.of("all-orders"), T0);
        storeAt(later).updateNotification(pending.claimed(T0.plusSeconds(30), T0));

        assertThat(expiries(tables.events())).containsExactlyInAnyOrder(laterExpiry, firstExpiry);
        assertThat(expiries(tables.notifications())).containsExactlyInAnyOrder(laterExpiry, firstExpiry);
    }

    @Test
    void concurrentInsertsOfOneKeyLeaveOneItem() throws Exception {
        StoredEvent event = event("evt-1", EventStatus.RECEIVED);
        Notification notification = notification("n-1", NotificationStatus.PENDING);

        List<Boolean> events = inParallel(() -> store.insertEvent(event));
        List<Boolean> notifications = inParallel(() -> store.insertNotification(notification));
        // A repeated step writes the same entry id at a later time.
        AtomicInteger attempt = new AtomicInteger();
        inParallel(() -> {
            store.appendAudit(audit("a-1", T0.plusSeconds(attempt.incrementAndGet())));
            return null;
        });

        assertThat(events).containsOnlyOnce(true);
        assertThat(notifications).containsOnlyOnce(true);
        assertThat(scan(tables.events())).hasSize(1);
        assertThat(scan(tables.notifications())).hasSize(1);
        assertThat(scan(tables.audit())).hasSize(1);
    }

    @Test
    void onlyPendingAndSendingNotificationsAreInTheDueIndex() {
        int i = 0;
        for (NotificationStatus status : NotificationStatus.values()) {
            store.insertNotification(notification("n-" + i++, status));
        }

        assertThat(index(tables.notifications(), NotificationItems.BY_DUE))
                .extracting(item -> item.get("status").s())
                .containsExactlyInAnyOrder("PENDING", "SENDING");
        assertThat(store.dueNotifications(T0.plusSeconds(3600), 10)).extracting(Notification::status)
                .containsExactlyInAnyOrder(NotificationStatus.PENDING, NotificationStatus.SENDING);
    }

    @Test
    void notificationsMoveBetweenTheSparseIndexesAsTheirStatusChanges() {
        Notification pending = notification("n-1", NotificationStatus.PENDING);
        store.insertNotification(pending);
        assertThat(index(tables.notifications(), NotificationItems.BY_DUE)).hasSize(1);

        // Keeps nextAttemptAt, so only the missing due_status keeps it out of the due index.
        Notification sent = store.updateNotification(pending.withStatus(NotificationStatus.SENT, T0)).orElseThrow();
        assertThat(index(tables.notifications(), NotificationItems.BY_DUE)).isEmpty();
        assertThat(index(tables.notifications(), NotificationItems.BY_SENT)).hasSize(1);

        store.updateNotification(sent.delivery(NotificationStatus.DELIVERED, "Sent", T0.plusSeconds(1)));
        assertThat(index(tables.notifications(), NotificationItems.BY_DUE)).isEmpty();
        assertThat(index(tables.notifications(), NotificationItems.BY_SENT)).isEmpty();
        assertThat(store.dueNotifications(T0.plusSeconds(3600), 10)).isEmpty();
        assertThat(store.awaitingDeliveryStatus(T0.plusSeconds(3600), 10)).isEmpty();
    }

    @Test
    void emptyStringsAreKeptApartFromNull() {
        StoredEvent event = new StoredEvent(EVENT.source(), EVENT.id(), "order.created", "", null, T0,
                Map.of("empty", ""), "", "", EventStatus.RECEIVED, List.of(), null);

        store.insertEvent(event);

        assertThat(store.findEvent(EVENT)).contains(event);
    }

    @Test
    void itemsLeaveOutNullFields() {
        store.insertNotification(new Notification("n-1", "/crm/eu", "evt-1", NotificationKind.ALERT, null, null,
                null, null, null, null, null, null, NotificationStatus.DEAD, 0, null, null, null, null, T0, T0, 0));

        Map<String, AttributeValue> item = scan(tables.notifications()).get(0);
        assertThat(item.values()).allSatisfy(value -> assertThat(value.nul()).isNull());
        // dead_status is no field but the key of the index of dead notifications
        assertThat(item).containsOnlyKeys("id", "event_source", "event_id", "event_key", "created_key", "kind",
                "status", "dead_status", "attempts", "created_at", "updated_at", "version", "expires_at");
    }

    @Test
    void listsReadOnPastDynamoDbsPageSize() {
        // Six items of 300 KB are more than one 1 MB page, in the table and in every index.
        String large = "x".repeat(300 * 1024);
        for (int i = 0; i < 6; i++) {
            StoredEvent event = event("evt-" + i, EventStatus.RECEIVED);
            store.insertEvent(new StoredEvent(event.source(), event.id(), event.type(), null, null,
                    T0.plusSeconds(i), Map.of(), "text/plain", large, EventStatus.RECEIVED, List.of(), null));
            Notification n = notification("n-" + i, NotificationStatus.PENDING);
            store.insertNotification(new Notification(n.id(), n.eventSource(), n.eventId(), n.kind(), n.rule(),
                    n.template(), n.recipient(), n.channel(), n.address(), n.locale(), n.timeZone(), n.priority(),
                    n.status(), n.attempts(), T0.plusSeconds(i), null, null, large, T0.plusSeconds(i), T0, 0));
            store.appendAudit(new AuditEntry("a-" + i, EVENT.source(), EVENT.id(), T0.plusSeconds(i), "sent",
                    "herald", large));
        }

        assertThat(store.eventsAwaitingRouting(T0.plusSeconds(60), 6)).hasSize(6);
        assertThat(store.dueNotifications(T0.plusSeconds(60), 6)).hasSize(6);
        assertThat(store.notificationsOf(EVENT)).hasSize(6);
        assertThat(store.auditOf(EVENT)).hasSize(6);
    }

    // ---- fixtures ----------------------------------------------------------------------------------------

    private DynamoDbStore storeAt(Instant now) {
        return new DynamoDbStore(DYNALITE.client(), tables, RETENTION, Clock.fixed(now, ZoneOffset.UTC));
    }

    private List<Long> expiries(String table) {
        return scan(table).stream().map(item -> {
            assertThat(item).as("item of %s", table).containsKey(Retention.EXPIRES_AT);
            return Long.parseLong(item.get(Retention.EXPIRES_AT).n());
        }).toList();
    }

    private static List<Map<String, AttributeValue>> scan(String table) {
        return DYNALITE.client().scan(b -> b.tableName(table).consistentRead(true)).items();
    }

    private static List<Map<String, AttributeValue>> index(String table, String index) {
        return DYNALITE.client().scan(b -> b.tableName(table).indexName(index)).items();
    }

    private static StoredEvent event(String id, EventStatus status) {
        return new StoredEvent(EVENT.source(), id, "order.created", null, null, T0, Map.of(), null, null, status,
                List.of(), null);
    }

    private static Notification notification(String id, NotificationStatus status) {
        return new Notification(id, EVENT.source(), EVENT.id(), NotificationKind.EVENT, "vip-orders",
                "order-created", "u-1", Channel.EMAIL, "anna@example.com", "de-CH", "Europe/Zurich", Priority.HIGH,
                status, 1, status == NotificationStatus.DEAD || status == NotificationStatus.FAILED ? null : T0, null, null, null, T0, T0, 0);
    }

    private static AuditEntry audit(String id, Instant at) {
        return new AuditEntry(id, EVENT.source(), EVENT.id(), at, "received", "herald", null);
    }

    private static <T> List<T> inParallel(Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
