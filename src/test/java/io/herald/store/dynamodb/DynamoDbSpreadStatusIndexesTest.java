package io.herald.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every event is in the events' status index and every notification passes through the due and sent indexes, so
 * their busy keys are spread over {@link IndexShards#COUNT} partitions; the store still reads each as one index.
 */
class DynamoDbSpreadStatusIndexesTest {

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final int ITEMS = 40;

    private DynamoDbTables tables;
    private DynamoDbStore store;

    @BeforeEach
    void createTables() {
        tables = DYNALITE.createTables();
        store = new DynamoDbStore(DYNALITE.client(), tables, Duration.ofDays(30),
                Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void dropTables() {
        DYNALITE.dropTables();
    }

    @Test
    void eventsOfOneStatusAreSpreadAndListedNewestFirstAsOneIndex() {
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            // arrival times out of id order, so neither the partition nor the id gives the order
            StoredEvent event = event("evt-" + i, T0.plusSeconds((i * 7L) % ITEMS), EventStatus.UNROUTED);
            events.add(event);
            store.insertEvent(event);
        }
        assertThat(partitions(tables.events(), EventItems.BY_STATUS, EventItems.STATUS_SHARD))
                .hasSize(IndexShards.COUNT).allMatch(key -> key.startsWith("UNROUTED#"));

        List<StoredEvent> newestFirst = events.stream()
                .sorted(Comparator.comparing(StoredEvent::receivedAt).reversed()).toList();
        assertThat(store.unroutedEvents(ITEMS)).containsExactlyElementsOf(newestFirst);
        assertThat(store.eventsWithStatus(EventStatus.UNROUTED, 5))
                .containsExactlyElementsOf(newestFirst.subList(0, 5));
    }

    @Test
    void eventsAwaitingRoutingAreReadOldestFirstAcrossPartitions() {
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            StoredEvent event = event("evt-" + i, T0.plusSeconds((i * 7L) % ITEMS), EventStatus.RECEIVED);
            events.add(event);
            store.insertEvent(event);
        }

        List<StoredEvent> oldestFirst = events.stream().sorted(Comparator.comparing(StoredEvent::receivedAt)).toList();
        Instant before = T0.plusSeconds(20);
        assertThat(store.eventsAwaitingRouting(before, ITEMS)).containsExactlyElementsOf(
                oldestFirst.stream().filter(event -> event.receivedAt().isBefore(before)).toList());
        assertThat(store.eventsAwaitingRouting(T0.plusSeconds(ITEMS), 6)).containsExactlyElementsOf(
                oldestFirst.subList(0, 6));
    }

    @Test
    void aRoutedEventMovesToItsPartitionOfTheNewStatus() {
        StoredEvent event = event("evt-1", T0, EventStatus.RECEIVED);
        store.insertEvent(event);
        // the event key "/crm/eu\nevt-1" hashes to -1923797907 (String.hashCode, worked out by hand): partition 5
        assertThat(item(event.key()).get(EventItems.STATUS_SHARD).s()).isEqualTo("RECEIVED#5");

        store.markRouted(event.key(), List.of("all-orders"), T0.plusSeconds(1));

        assertThat(item(event.key()).get(EventItems.STATUS_SHARD).s()).isEqualTo("ROUTED#5");
        assertThat(store.eventsAwaitingRouting(T0.plusSeconds(60), 10)).isEmpty();
        assertThat(store.eventsWithStatus(EventStatus.ROUTED, 10)).extracting(StoredEvent::id).containsExactly("evt-1");
    }

    @Test
    void dueNotificationsOfEveryPartitionComeOldestDueFirstAndLimited() {
        List<Notification> notifications = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            NotificationStatus status = i % 2 == 0 ? NotificationStatus.PENDING : NotificationStatus.SENDING;
            Notification notification = notification("n-" + i, status, T0.plusSeconds((i * 7L) % ITEMS));
            notifications.add(notification);
            store.insertNotification(notification);
        }
        assertThat(partitions(tables.notifications(), NotificationItems.BY_DUE, NotificationItems.DUE_STATUS))
                .hasSize(2 * IndexShards.COUNT);

        List<Notification> oldestDueFirst = notifications.stream()
                .sorted(Comparator.comparing(Notification::nextAttemptAt)).toList();
        assertThat(store.dueNotifications(T0.plusSeconds(ITEMS), ITEMS)).containsExactlyElementsOf(oldestDueFirst);
        assertThat(store.dueNotifications(T0.plusSeconds(ITEMS), 9)).containsExactlyElementsOf(
                oldestDueFirst.subList(0, 9));
        Instant halfway = T0.plusSeconds(ITEMS / 2);
        assertThat(store.dueNotifications(halfway, ITEMS)).containsExactlyElementsOf(oldestDueFirst.stream()
                .filter(n -> !n.nextAttemptAt().isAfter(halfway)).toList());
    }

    @Test
    void sentNotificationsAwaitingTheirStatusComeLeastRecentlyUpdatedFirst() {
        List<Notification> sent = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            Notification pending = notification("n-" + i, NotificationStatus.PENDING, T0);
            store.insertNotification(pending);
            sent.add(store.updateNotification(pending.withStatus(NotificationStatus.SENT,
                    T0.plusSeconds((i * 7L) % ITEMS))).orElseThrow());
        }
        assertThat(partitions(tables.notifications(), NotificationItems.BY_SENT, NotificationItems.SENT_STATUS))
                .hasSize(IndexShards.COUNT).allMatch(key -> key.startsWith("SENT#"));

        List<Notification> leastRecentFirst = sent.stream()
                .sorted(Comparator.comparing(Notification::updatedAt)).toList();
        assertThat(store.awaitingDeliveryStatus(T0.plusSeconds(ITEMS), ITEMS))
                .containsExactlyElementsOf(leastRecentFirst);
        assertThat(store.awaitingDeliveryStatus(T0.plusSeconds(ITEMS), 4))
                .containsExactlyElementsOf(leastRecentFirst.subList(0, 4));
    }

    @Test
    void finishedNotificationsOwingTheirAlertStayUnderTheirStatus() {
        Notification dead = notification("n-1", NotificationStatus.DEAD, T0);
        store.insertNotification(dead);

        assertThat(partitions(tables.notifications(), NotificationItems.BY_DUE, NotificationItems.DUE_STATUS))
                .containsExactly("DEAD");
        assertThat(store.dueNotifications(T0.plusSeconds(1), 10)).extracting(Notification::id).containsExactly("n-1");
    }

    private Map<String, AttributeValue> item(EventKey key) {
        return DYNALITE.client().getItem(b -> b.tableName(tables.events()).key(EventItems.key(key))
                .consistentRead(true)).item();
    }

    private static Set<String> partitions(String table, String index, String attribute) {
        return DYNALITE.client().scan(b -> b.tableName(table).indexName(index)).items().stream()
                .map(item -> item.get(attribute).s()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static StoredEvent event(String id, Instant receivedAt, EventStatus status) {
        return new StoredEvent("/crm/eu", id, "order.created", null, null, receivedAt, Map.of(), null, null, status,
                List.of(), null);
    }

    private static Notification notification(String id, NotificationStatus status, Instant nextAttemptAt) {
        return new Notification(id, "/crm/eu", "evt-1", NotificationKind.EVENT, "vip-orders", "order-created", "u-1",
                Channel.EMAIL, "anna@example.com", "de-CH", "Europe/Zurich", Priority.HIGH, status, 1, nextAttemptAt,
                null, null, null, T0, T0, 0);
    }
}
