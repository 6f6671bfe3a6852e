package io.herald.store;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} promises, one test per promise. An implementation's test extends this class and
 * hands out an empty store for each test.
 */
public abstract class StoreContract {

    /** Microsecond precision: what every store keeps. */
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final int THREADS = 8;

    protected Store store;

    /** A store holding nothing, not shared with any other test. */
    protected abstract Store emptyStore() throws Exception;

    @BeforeEach
    void startEmpty() throws Exception {
        store = emptyStore();
    }

    // ---- events ------------------------------------------------------------------------------------------

    @Test
    void insertedEventIsReadBackUnchanged() {
        StoredEvent event = event("/crm/eu", "evt-1", EventStatus.RECEIVED, T0);

        assertThat(store.insertEvent(event)).isTrue();

        assertThat(store.findEvent(event.key())).contains(event);
    }

    @Test
    void eventWithoutOptionalFieldsIsReadBackUnchanged() {
        StoredEvent event = new StoredEvent("/crm/eu", "evt-1", "order.created", null, null, T0, Map.of(), null,
                null, EventStatus.RECEIVED, List.of(), null);

        store.insertEvent(event);

        assertThat(store.findEvent(event.key())).contains(event);
    }

    @Test
    void duplicateEventIsNotStoredTwice() {
        StoredEvent first = event("/crm/eu", "evt-1", EventStatus.RECEIVED, T0);
        StoredEvent again = new StoredEvent("/crm/eu", "evt-1", "other.type", "other", T0.plusSeconds(1),
                T0.plusSeconds(1), Map.of("x", "y"), "text/plain", "other", EventStatus.UNROUTED, List.of(), null);
        store.insertEvent(first);

        assertThat(store.insertEvent(again)).isFalse();

        assertThat(store.findEvent(first.key())).contains(first);
    }

    @Test
    void concurrentInsertsOfOneEventStoreItOnce() throws Exception {
        StoredEvent event = event("/crm/eu", "evt-1", EventStatus.RECEIVED, T0);

        List<Boolean> stored = inParallel(() -> store.insertEvent(event));

        assertThat(stored).containsOnlyOnce(true).hasSize(THREADS);
        assertThat(store.findEvent(event.key())).contains(event);
    }

    @Test
    void eventIsIdentifiedBySourceAndId() {
        StoredEvent event = event("/crm/eu", "evt-1", EventStatus.RECEIVED, T0);
        StoredEvent sameIdOtherSource = event("/crm/us", "evt-1", EventStatus.RECEIVED, T0);
        StoredEvent sameSourceOtherId = event("/crm/eu", "evt-2", EventStatus.RECEIVED, T0);

        assertThat(store.insertEvent(event)).isTrue();
        assertThat(store.insertEvent(sameIdOtherSource)).isTrue();
        assertThat(store.insertEvent(sameSourceOtherId)).isTrue();

        assertThat(store.findEvent(sameIdOtherSource.key())).contains(sameIdOtherSource);
        assertThat(store.findEvent(sameSourceOtherId.key())).contains(sameSourceOtherId);
    }

    @Test
    void missingEventIsNotFound() {
        store.insertEvent(event("/crm/eu", "evt-1", EventStatus.RECEIVED, T0));

        assertThat(store.findEvent(new EventKey("/crm/eu", "evt-2"))).isEmpty();
    }

    @Test
    void instantsRoundTripExactlyAtMicrosecondPrecision() {
        Instant early = Instant.parse("1970-01-01T00:00:00.000001Z");
        Instant late = Instant.parse("2999-12-31T23:59:59.999999Z");
        StoredEvent event = new StoredEvent("/crm/eu", "evt-1", "order.created", null, early, late, Map.of(), null,
                null, EventStatus.ROUTED, List.of("r"), T0.plusNanos(1_000));
        Notification notification = notification("n-1", event.key(), NotificationStatus.PENDING, late, early, T0);
        AuditEntry entry = audit("a-1", event.key(), late, "received");

        store.insertEvent(event);
        store.insertNotification(notification);
        store.appendAudit(entry);

        assertThat(store.findEvent(event.key())).contains(event);
        assertThat(store.findNotification("n-1")).contains(notification);
        assertThat(store.auditOf(event.key())).containsExactly(entry);
    }

    @Test
    void instantsAreTruncatedToMicroseconds() {
        Instant withNanos = Instant.parse("2026-03-01T10:15:30.123456999Z");
        StoredEvent event = new StoredEvent("/crm/eu", "evt-1", "order.created", null, withNanos, withNanos,
                Map.of(), null, null, EventStatus.RECEIVED, List.of(), null);

        store.insertEvent(event);

        StoredEvent stored = store.findEvent(event.key()).orElseThrow();
        assertThat(stored.time()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
        assertThat(stored.receivedAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
    }

    @Test
    void instantsDoNotDependOnTheDefaultTimeZone() throws Exception {
        TimeZone original = TimeZone.getDefault();
        StoredEvent event = event("/crm/eu", "evt-1", EventStatus.RECEIVED, T0);
        try {
            // An offset that is neither whole hours nor the same in winter and summer.
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            Store inChatham = emptyStore();
            inChatham.insertEvent(event);
            TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));

            assertThat(inChatham.findEvent(event.key())).contains(event);
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void markRoutedRecordsTheMatchedRules() {
        StoredEvent event = event("/crm/eu", "evt-1", EventStatus.RECEIVED, T0);
        store.insertEvent(event);
        Instant at = T0.plusMillis(5);

        assertThat(store.markRouted(event.key(), List.of("vip-orders", "all-orders"), at)).isTrue();

        StoredEvent routed = store.findEvent(event.key()).orElseThrow();
        assertThat(routed).isEqualTo(event.routed(List.of("vip-orders", "all-orders"), at));
        assertThat(routed.status()).isEqualTo(EventStatus.ROUTED);
    }

    @Test
    void markRoutedWithoutMatchedRulesLeavesTheEventUnrouted() {
        StoredEvent event = event("/crm/eu", "evt-1", EventStatus.RECEIVED, T0);
        store.insertEvent(event);

        store.markRouted(event.key(), List.of(), T0.plusMillis(5));

        StoredEvent unrouted = store.findEvent(event.key()).orElseThrow();
        assertThat(unrouted).isEqualTo(event.routed(List.of(), T0.plusMillis(5)));
        assertThat(unrouted.status()).isEqualTo(EventStatus.UNROUTED);
    }

    @Test
    void repeatingMarkRoutedIsHarmless() {
        StoredEvent event = event("/crm/eu", "evt-1", EventStatus.RECEIVED, T0);
        store.insertEvent(event);
        store.markRouted(event.key(), List.of("all-orders"), T0.plusMillis(5));

        assertThat(store.markRouted(event.key(), List.of("all-orders"), T0.plusMillis(5))).isTrue();

        assertThat(store.findEvent(event.key())).contains(event.routed(List.of("all-orders"), T0.plusMillis(5)));
    }

    @Test
    void markRoutedOfAMissingEventReturnsFalse() {
        EventKey missing = new EventKey("/crm/eu", "evt-1");

        assertThat(store.markRouted(missing, List.of("all-orders"), T0)).isFalse();

        assertThat(store.findEvent(missing)).isEmpty();
    }

    @Test
    void unroutedEventsAreListedNewestFirst() {
        StoredEvent oldest = insertRouted("evt-1", T0, List.of());
        StoredEvent newest = insertRouted("evt-2", T0.plusSeconds(2), List.of());
        StoredEvent middle = event("/crm/eu", "evt-3", EventStatus.UNROUTED, T0.plusSeconds(1));
        store.insertEvent(middle);
        insertRouted("evt-4", T0.plusSeconds(3), List.of("all-orders"));
        store.insertEvent(event("/crm/eu", "evt-5", EventStatus.RECEIVED, T0.plusSeconds(4)));

        assertThat(store.unroutedEvents(10)).containsExactly(newest, middle, oldest);
    }

    @Test
    void unroutedEventsStopAtTheLimit() {
        for (int i = 0; i < 5; i++) {
            insertRouted("evt-" + i, T0.plusSeconds(i), List.of());
        }

        assertThat(store.unroutedEvents(2)).extracting(StoredEvent::id).containsExactly("evt-4", "evt-3");
    }

    @Test
    void eventsAwaitingRoutingAreThoseReceivedBeforeTheCutoffOldestFirst() {
        Instant cutoff = T0.plusSeconds(10);
        StoredEvent older = event("/crm/eu", "evt-1", EventStatus.RECEIVED, T0);
        StoredEvent newer = event("/crm/eu", "evt-2", EventStatus.RECEIVED, cutoff.minusNanos(1_000));
        store.insertEvent(newer);
        store.insertEvent(older);
        store.insertEvent(event("/crm/eu", "evt-3", EventStatus.RECEIVED, cutoff));
        insertRouted("evt-4", T0.minusSeconds(1), List.of("all-orders"));
        insertRouted("evt-5", T0.minusSeconds(1), List.of());

        assertThat(store.eventsAwaitingRouting(cutoff, 10)).containsExactly(older, newer);
    }

    @Test
    void eventsAwaitingRoutingStopAtTheLimit() {
        for (int i = 0; i < 5; i++) {
            store.insertEvent(event("/crm/eu", "evt-" + i, EventStatus.RECEIVED, T0.plusSeconds(i)));
        }

        assertThat(store.eventsAwaitingRouting(T0.plusSeconds(60), 2)).extracting(StoredEvent::id)
                .containsExactly("evt-0", "evt-1");
    }

    @Test
    void routedEventNoLongerAwaitsRouting() {
        StoredEvent event = event("/crm/eu", "evt-1", EventStatus.RECEIVED, T0);
        store.insertEvent(event);

        store.markRouted(event.key(), List.of("all-orders"), T0.plusSeconds(1));

        assertThat(store.eventsAwaitingRouting(T0.plusSeconds(60), 10)).isEmpty();
    }

    @Test
    void eventWhoseRoutingWasGivenUpNoLongerAwaitsRoutingNorCountsAsUnrouted() {
        StoredEvent event = event("/crm/eu", "evt-1", EventStatus.RECEIVED, T0);
        store.insertEvent(event);

        assertThat(store.markRoutingFailed(event.key(), T0.plusSeconds(1))).isTrue();
        assertThat(store.markRoutingFailed(event.key(), T0.plusSeconds(1))).as("repeated").isTrue();

        assertThat(store.findEvent(event.key())).contains(event.routingFailed(T0.plusSeconds(1)));
        assertThat(store.eventsAwaitingRouting(T0.plusSeconds(60), 10)).isEmpty();
        assertThat(store.unroutedEvents(10)).isEmpty();
        assertThat(store.markRoutingFailed(new EventKey("/crm/eu", "missing"), T0)).isFalse();
    }

    // ---- notifications -----------------------------------------------------------------------------------

    @Test
    void insertedNotificationIsReadBackUnchanged() {
        Notification notification = notification("n-1", new EventKey("/crm/eu", "evt-1"), NotificationStatus.PENDING,
                T0, T0, T0);

        assertThat(store.insertNotification(notification)).isTrue();

        assertThat(store.findNotification("n-1")).contains(notification);
    }

    @Test
    void notificationWithoutOptionalFieldsIsReadBackUnchanged() {
        Notification notification = new Notification("n-1", "/crm/eu", "evt-1", NotificationKind.ALERT, null, null,
                null, null, null, null, null, null, NotificationStatus.DEAD, 0, null, null, null, null, T0, T0, 0);

        store.insertNotification(notification);

        assertThat(store.findNotification("n-1")).contains(notification);
    }

    @Test
    void duplicateNotificationIsNotStoredTwice() {
        EventKey event = new EventKey("/crm/eu", "evt-1");
        Notification first = notification("n-1", event, NotificationStatus.PENDING, T0, T0, T0);
        Notification again = notification("n-1", event, NotificationStatus.SENT, null, T0.plusSeconds(1),
                T0.plusSeconds(1));
        store.insertNotification(first);

        assertThat(store.insertNotification(again)).isFalse();

        assertThat(store.findNotification("n-1")).contains(first);
    }

    @Test
    void concurrentInsertsOfOneNotificationStoreItOnce() throws Exception {
        Notification notification = notification("n-1", new EventKey("/crm/eu", "evt-1"), NotificationStatus.PENDING,
                T0, T0, T0);

        List<Boolean> stored = inParallel(() -> store.insertNotification(notification));

        assertThat(stored).containsOnlyOnce(true).hasSize(THREADS);
        assertThat(store.findNotification("n-1")).contains(notification);
    }

    @Test
    void missingNotificationIsNotFound() {
        store.insertNotification(notification("n-1", new EventKey("/crm/eu", "evt-1"), NotificationStatus.PENDING,
                T0, T0, T0));

        assertThat(store.findNotification("n-2")).isEmpty();
    }

    @Test
    void notificationsOfAnEventAreListedOldestFirst() {
        EventKey event = new EventKey("/crm/eu", "evt-1");
        Notification newest = notification("n-1", event, NotificationStatus.PENDING, T0, T0.plusSeconds(2), T0);
        Notification oldest = notification("n-2", event, NotificationStatus.SENT, null, T0, T0);
        Notification middle = notification("n-3", event, NotificationStatus.DEAD, null, T0.plusSeconds(1), T0);
        store.insertNotification(newest);
        store.insertNotification(oldest);
        store.insertNotification(middle);
        store.insertNotification(notification("n-4", new EventKey("/crm/us", "evt-1"), NotificationStatus.PENDING,
                T0, T0, T0));
        store.insertNotification(notification("n-5", new EventKey("/crm/eu", "evt-2"), NotificationStatus.PENDING,
                T0, T0, T0));

        assertThat(store.notificationsOf(event)).containsExactly(oldest, middle, newest);
        assertThat(store.notificationsOf(new EventKey("/crm/eu", "evt-9"))).isEmpty();
    }

    @Test
    void updateStoresTheNewStateUnderTheNextVersion() {
        Notification pending = notification("n-1", new EventKey("/crm/eu", "evt-1"), NotificationStatus.PENDING, T0,
                T0, T0);
        store.insertNotification(pending);
        Notification claimed = pending.claimed(T0.plusSeconds(30), T0.plusSeconds(1));

        Optional<Notification> stored = store.updateNotification(claimed);

        assertThat(stored).isPresent();
        assertThat(stored.get().version()).isEqualTo(pending.version() + 1);
        assertThat(stored.get().status()).isEqualTo(NotificationStatus.SENDING);
        assertThat(stored.get().attempts()).isEqualTo(pending.attempts() + 1);
        assertThat(store.findNotification("n-1")).isEqualTo(stored);
    }

    @Test
    void updateReturnsExactlyWhatIsStored() {
        Notification pending = notification("n-1", new EventKey("/crm/eu", "evt-1"), NotificationStatus.PENDING, T0,
                T0, T0);
        store.insertNotification(pending);
        Instant withNanos = Instant.parse("2026-03-01T10:16:00.000000999Z");

        Optional<Notification> stored = store.updateNotification(pending.claimed(withNanos, withNanos));

        assertThat(stored).isPresent();
        assertThat(store.findNotification("n-1")).isEqualTo(stored);
    }

    @Test
    void everyUpdateAdvancesTheVersion() {
        Notification pending = notification("n-1", new EventKey("/crm/eu", "evt-1"), NotificationStatus.PENDING, T0,
                T0, T0);
        store.insertNotification(pending);

        Notification claimed = store.updateNotification(pending.claimed(T0.plusSeconds(30), T0)).orElseThrow();
        Notification sent = store.updateNotification(claimed.sent("job-7", T0.plusSeconds(2))).orElseThrow();
        Notification delivered = store.updateNotification(
                sent.delivery(NotificationStatus.DELIVERED, "Sent", T0.plusSeconds(9))).orElseThrow();

        long read = pending.version();
        assertThat(List.of(claimed.version(), sent.version(), delivered.version()))
                .containsExactly(read + 1, read + 2, read + 3);
        assertThat(store.findNotification("n-1")).contains(delivered);
        assertThat(delivered.jobId()).isEqualTo("job-7");
        assertThat(delivered.deliveryState()).isEqualTo("Sent");
    }

    @Test
    void staleVersionUpdateIsRefused() {
        Notification pending = notification("n-1", new EventKey("/crm/eu", "evt-1"), NotificationStatus.PENDING, T0,
                T0, T0);
        store.insertNotification(pending);
        Notification winner = store.updateNotification(pending.claimed(T0.plusSeconds(30), T0)).orElseThrow();

        Optional<Notification> late = store.updateNotification(pending.dead("HTTP 400", "gave up", T0.plusSeconds(1)));

        assertThat(late).isEmpty();
        assertThat(store.findNotification("n-1")).contains(winner);
    }

    @Test
    void updateOfAMissingNotificationIsRefused() {
        Notification never = notification("n-1", new EventKey("/crm/eu", "evt-1"), NotificationStatus.PENDING, T0,
                T0, T0);

        assertThat(store.updateNotification(never)).isEmpty();

        assertThat(store.findNotification("n-1")).isEmpty();
    }

    @Test
    void concurrentUpdatesOfOneNotificationLetExactlyOneWin() throws Exception {
        Notification pending = notification("n-1", new EventKey("/crm/eu", "evt-1"), NotificationStatus.PENDING, T0,
                T0, T0);
        store.insertNotification(pending);

        List<Optional<Notification>> outcomes = inParallel(() -> store.updateNotification(
                pending.retryAt(T0.plusSeconds(60), Thread.currentThread().getName(), T0.plusSeconds(1))));

        List<Notification> winners = outcomes.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(winners.get(0).version()).isEqualTo(pending.version() + 1);
        assertThat(store.findNotification("n-1")).contains(winners.get(0));
    }

    @Test
    void updateWithAnAuditEntryStoresBothAndReturnsWhatIsStored() {
        EventKey event = new EventKey("/crm/eu", "evt-1");
        Notification pending = notification("n-1", event, NotificationStatus.PENDING, T0, T0, T0);
        store.insertNotification(pending);
        Notification claimed = store.updateNotification(pending.claimed(T0.plusSeconds(30), T0)).orElseThrow();
        AuditEntry sentEntry = new AuditEntry("a-sent", "/crm/eu", "evt-1", T0.plusSeconds(2), "sent", "herald",
                "email to carol, attempt 1, job job-7");

        Optional<Notification> sent = store.updateNotification(claimed.sent("job-7", T0.plusSeconds(2)), sentEntry);

        assertThat(sent).isPresent();
        assertThat(sent.get().version()).isEqualTo(claimed.version() + 1);
        assertThat(sent.get().status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.get().jobId()).isEqualTo("job-7");
        assertThat(store.findNotification("n-1")).isEqualTo(sent);
        assertThat(store.auditOf(event)).containsExactly(sentEntry);
    }

    @Test
    void staleUpdateWithAnAuditEntryWritesNeitherOfThem() {
        EventKey event = new EventKey("/crm/eu", "evt-1");
        Notification pending = notification("n-1", event, NotificationStatus.PENDING, T0, T0, T0);
        store.insertNotification(pending);
        Notification winner = store.updateNotification(pending.claimed(T0.plusSeconds(30), T0)).orElseThrow();
        AuditEntry withdrawn = new AuditEntry("a-withdrawn", "/crm/eu", "evt-1", T0.plusSeconds(1), "withdrawn",
                "herald", "email to carol not sent: the task was settled");

        Optional<Notification> late = store.updateNotification(
                pending.withStatus(NotificationStatus.WITHDRAWN, T0.plusSeconds(1)), withdrawn);

        assertThat(late).isEmpty();
        assertThat(store.findNotification("n-1")).contains(winner);
        assertThat(store.auditOf(event)).isEmpty();
    }

    @Test
    void updateWithAnAuditEntryOfAMissingNotificationWritesNothing() {
        EventKey event = new EventKey("/crm/eu", "evt-1");
        Notification never = notification("n-1", event, NotificationStatus.PENDING, T0, T0, T0);

        assertThat(store.updateNotification(never.claimed(T0.plusSeconds(30), T0),
                new AuditEntry("a-1", "/crm/eu", "evt-1", T0, "sent", "herald", "never"))).isEmpty();

        assertThat(store.findNotification("n-1")).isEmpty();
        assertThat(store.auditOf(event)).isEmpty();
    }

    @Test
    void updateWithAnAuditEntryStoredAlreadyKeepsTheStoredEntry() {
        EventKey event = new EventKey("/crm/eu", "evt-1");
        Notification pending = notification("n-1", event, NotificationStatus.PENDING, T0, T0, T0);
        store.insertNotification(pending);
        AuditEntry first = new AuditEntry("a-1", "/crm/eu", "evt-1", T0, "retrying", "herald", "first run");
        store.appendAudit(first);

        Optional<Notification> claimed = store.updateNotification(pending.claimed(T0.plusSeconds(30), T0),
                new AuditEntry("a-1", "/crm/eu", "evt-1", T0.plusSeconds(1), "retrying", "herald", "repeated run"));

        assertThat(claimed).isPresent();
        assertThat(store.findNotification("n-1")).isEqualTo(claimed);
        assertThat(store.auditOf(event)).containsExactly(first);
    }

    @Test
    void concurrentUpdatesWithAuditEntriesLetExactlyOneWinAndRecordOnlyIts() throws Exception {
        EventKey event = new EventKey("/crm/eu", "evt-1");
        Notification pending = notification("n-1", event, NotificationStatus.PENDING, T0, T0, T0);
        store.insertNotification(pending);

        List<Optional<Notification>> outcomes = inParallel(() -> {
            String worker = Thread.currentThread().getName();
            return store.updateNotification(pending.retryAt(T0.plusSeconds(60), worker, T0.plusSeconds(1)),
                    new AuditEntry("a-" + worker, "/crm/eu", "evt-1", T0.plusSeconds(1), "retrying", "herald",
                            worker));
        });

        List<Notification> winners = outcomes.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(store.findNotification("n-1")).contains(winners.get(0));
        List<AuditEntry> recorded = store.auditOf(event);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).detail()).isEqualTo(winners.get(0).lastError());
    }

    @Test
    void dueNotificationsIncludePendingWhoseAttemptIsDue() {
        Instant now = T0.plusSeconds(60);
        EventKey event = new EventKey("/crm/eu", "evt-1");
        Notification overdue = notification("n-1", event, NotificationStatus.PENDING, now.minusSeconds(30), T0, T0);
        Notification dueNow = notification("n-2", event, NotificationStatus.PENDING, now, T0, T0);
        store.insertNotification(overdue);
        store.insertNotification(dueNow);
        store.insertNotification(notification("n-3", event, NotificationStatus.PENDING, now.plusNanos(1_000), T0,
                T0));

        assertThat(store.dueNotifications(now, 10)).containsExactly(overdue, dueNow);
    }

    @Test
    void dueNotificationsIncludeExpiredLeases() {
        Instant now = T0.plusSeconds(60);
        EventKey event = new EventKey("/crm/eu", "evt-1");
        Notification expired = notification("n-1", event, NotificationStatus.SENDING, now.minusSeconds(1), T0, T0);
        Notification endsNow = notification("n-2", event, NotificationStatus.SENDING, now, T0, T0);
        store.insertNotification(expired);
        store.insertNotification(endsNow);
        store.insertNotification(notification("n-3", event, NotificationStatus.SENDING, now.plusSeconds(29), T0,
                T0));

        assertThat(store.dueNotifications(now, 10)).containsExactly(expired, endsNow);
    }

    @Test
    void deadAndFailedNotificationsAreDueWhileTheyOweTheirAlert() {
        Instant now = T0.plusSeconds(60);
        EventKey event = new EventKey("/crm/eu", "evt-1");
        Notification sending = notification("n-1", event, NotificationStatus.SENDING, T0, T0, T0);
        Notification sent = notification("n-2", event, NotificationStatus.SENT, null, T0, T0);
        store.insertNotification(sending);
        store.insertNotification(sent);

        Notification dead = store.updateNotification(sending.dead("HTTP 400", "bad address", T0.plusSeconds(1)))
                .orElseThrow();
        Notification failed = store.updateNotification(sent.deliveryFailed("Error", "delivery Error",
                T0.plusSeconds(2))).orElseThrow();

        assertThat(dead.alertOwed()).isEqualTo("HTTP 400");
        assertThat(store.findNotification("n-1")).contains(dead);
        assertThat(store.dueNotifications(now, 10)).containsExactly(dead, failed);
        assertThat(store.dueNotifications(T0, 10)).as("owed from when it was given up").isEmpty();

        store.updateNotification(dead.alerted(now)).orElseThrow();
        store.updateNotification(failed.alerted(now)).orElseThrow();

        assertThat(store.dueNotifications(now, 10)).isEmpty();
        assertThat(store.findNotification("n-2").orElseThrow().alertOwed()).isNull();
        assertThat(store.findNotification("n-2").orElseThrow().status()).isEqualTo(NotificationStatus.FAILED);
    }

    @Test
    void dueNotificationsLeaveOutEveryOtherStatus() {
        Instant now = T0.plusSeconds(60);
        EventKey event = new EventKey("/crm/eu", "evt-1");
        int i = 0;
        for (NotificationStatus status : NotificationStatus.values()) {
            if (status != NotificationStatus.PENDING && status != NotificationStatus.SENDING) {
                // Dead and failed ones keep a next attempt time only while they owe their alert.
                boolean owingWhenTimed = status == NotificationStatus.DEAD || status == NotificationStatus.FAILED;
                Instant next = owingWhenTimed ? null : now.minusSeconds(1);
                store.insertNotification(notification("n-" + i++, event, status, next, T0, T0));
            }
        }

        assertThat(i).isEqualTo(NotificationStatus.values().length - 2);
        assertThat(store.dueNotifications(now, 10)).isEmpty();
    }

    @Test
    void dueNotificationsAreOldestDueFirst() {
        Instant now = T0.plusSeconds(60);
        EventKey event = new EventKey("/crm/eu", "evt-1");
        Notification first = notification("n-1", event, NotificationStatus.SENDING, T0.plusSeconds(1), T0, T0);
        Notification second = notification("n-2", event, NotificationStatus.PENDING, T0.plusSeconds(2), T0, T0);
        Notification third = notification("n-3", event, NotificationStatus.SENDING, T0.plusSeconds(3), T0, T0);
        Notification fourth = notification("n-4", event, NotificationStatus.PENDING, T0.plusSeconds(4), T0, T0);
        for (Notification n : List.of(fourth, second, third, first)) {
            store.insertNotification(n);
        }

        assertThat(store.dueNotifications(now, 10)).containsExactly(first, second, third, fourth);
    }

    @Test
    void dueNotificationsStopAtTheLimit() {
        Instant now = T0.plusSeconds(60);
        EventKey event = new EventKey("/crm/eu", "evt-1");
        for (int i = 0; i < 6; i++) {
            NotificationStatus status = i < 3 ? NotificationStatus.PENDING : NotificationStatus.SENDING;
            // PENDING n-0..n-2 due at 0, 2, 4 s; SENDING n-3..n-5 at 1, 3, 5 s.
            int dueSecond = i < 3 ? 2 * i : 2 * (i - 3) + 1;
            store.insertNotification(notification("n-" + i, event, status, T0.plusSeconds(dueSecond), T0, T0));
        }

        assertThat(store.dueNotifications(now, 4)).extracting(Notification::id)
                .containsExactly("n-0", "n-3", "n-1", "n-4");
    }

    @Test
    void awaitingDeliveryStatusListsSentNotificationsLastUpdatedBeforeTheCutoff() {
        Instant cutoff = T0.plusSeconds(60);
        EventKey event = new EventKey("/crm/eu", "evt-1");
        Notification newer = notification("n-1", event, NotificationStatus.SENT, null, T0, cutoff.minusSeconds(1));
        Notification older = notification("n-2", event, NotificationStatus.SENT, null, T0, cutoff.minusSeconds(2));
        store.insertNotification(newer);
        store.insertNotification(older);
        store.insertNotification(notification("n-3", event, NotificationStatus.SENT, null, T0, cutoff));
        int i = 4;
        for (NotificationStatus status : NotificationStatus.values()) {
            if (status != NotificationStatus.SENT) {
                store.insertNotification(notification("n-" + i++, event, status, T0, T0, T0));
            }
        }

        assertThat(store.awaitingDeliveryStatus(cutoff, 10)).containsExactly(older, newer);
    }

    @Test
    void awaitingDeliveryStatusStopsAtTheLimit() {
        EventKey event = new EventKey("/crm/eu", "evt-1");
        for (int i = 0; i < 5; i++) {
            store.insertNotification(notification("n-" + i, event, NotificationStatus.SENT, null, T0,
                    T0.plusSeconds(i)));
        }

        assertThat(store.awaitingDeliveryStatus(T0.plusSeconds(60), 3)).extracting(Notification::id)
                .containsExactly("n-0", "n-1", "n-2");
    }

    @Test
    void deadNotificationsAreListedMostRecentlyChangedFirst() {
        EventKey event = new EventKey("/crm/eu", "evt-1");
        Notification older = notification("n-1", event, NotificationStatus.DEAD, null, T0, T0.plusSeconds(1));
        Notification newer = notification("n-2", event, NotificationStatus.DEAD, T0, T0, T0.plusSeconds(2));
        store.insertNotification(older);
        store.insertNotification(newer);
        int i = 3;
        for (NotificationStatus status : NotificationStatus.values()) {
            if (status != NotificationStatus.DEAD) {
                store.insertNotification(notification("n-" + i++, event, status, T0, T0, T0.plusSeconds(9)));
            }
        }

        assertThat(store.deadNotifications(10)).containsExactly(newer, older);
    }

    @Test
    void deadNotificationsStopAtTheLimit() {
        EventKey event = new EventKey("/crm/eu", "evt-1");
        for (int i = 0; i < 5; i++) {
            store.insertNotification(notification("n-" + i, event, NotificationStatus.DEAD, null, T0,
                    T0.plusSeconds(i)));
        }

        assertThat(store.deadNotifications(2)).extracting(Notification::id).containsExactly("n-4", "n-3");
    }

    @Test
    void notificationSentAgainLeavesTheDeadList() {
        EventKey event = new EventKey("/crm/eu", "evt-1");
        Notification dead = notification("n-1", event, NotificationStatus.DEAD, null, T0, T0);
        store.insertNotification(dead);

        store.updateNotification(dead.retryAt(T0.plusSeconds(5), "HTTP 400", T0.plusSeconds(5))).orElseThrow();

        assertThat(store.deadNotifications(10)).isEmpty();
    }

    @Test
    void eventsWithStatusAreListedNewestFirstAndOnlyInThatStatus() {
        StoredEvent oldest = insertRouted("evt-1", T0, List.of("all-orders"));
        StoredEvent newest = insertRouted("evt-2", T0.plusSeconds(2), List.of("all-orders"));
        insertRouted("evt-3", T0.plusSeconds(3), List.of());
        store.insertEvent(event("/crm/eu", "evt-4", EventStatus.RECEIVED, T0.plusSeconds(4)));

        assertThat(store.eventsWithStatus(EventStatus.ROUTED, 10)).containsExactly(newest, oldest);
        assertThat(store.eventsWithStatus(EventStatus.ROUTED, 1)).containsExactly(newest);
        assertThat(store.eventsWithStatus(EventStatus.RECEIVED, 10)).extracting(StoredEvent::id)
                .containsExactly("evt-4");
    }

    // ---- audit trail -------------------------------------------------------------------------------------

    @Test
    void auditEntryIsReadBackUnchanged() {
        EventKey event = new EventKey("/crm/eu", "evt-1");
        AuditEntry entry = new AuditEntry("a-1", "/crm/eu", "evt-1", T0, "notified", "herald",
                "email to u-1 (rule vip-orders) – «Größe» ✓");
        AuditEntry bare = new AuditEntry("a-2", "/crm/eu", "evt-1", T0.plusSeconds(1), "sent", null, null);

        store.appendAudit(entry);
        store.appendAudit(bare);

        assertThat(store.auditOf(event)).containsExactly(entry, bare);
    }

    @Test
    void auditTrailKeepsTimeOrder() {
        EventKey event = new EventKey("/crm/eu", "evt-1");
        AuditEntry received = audit("a-3", event, T0, "received");
        AuditEntry routed = audit("a-1", event, T0.plusNanos(1_000), "routed");
        AuditEntry sent = audit("a-2", event, T0.plusSeconds(3), "sent");

        store.appendAudit(sent);
        store.appendAudit(received);
        store.appendAudit(routed);

        assertThat(store.auditOf(event)).containsExactly(received, routed, sent);
    }

    @Test
    void auditTrailHoldsOnlyItsOwnEvent() {
        EventKey event = new EventKey("/crm/eu", "evt-1");
        AuditEntry own = audit("a-1", event, T0, "received");
        store.appendAudit(own);
        store.appendAudit(audit("a-2", new EventKey("/crm/us", "evt-1"), T0, "received"));
        store.appendAudit(audit("a-3", new EventKey("/crm/eu", "evt-2"), T0, "received"));

        assertThat(store.auditOf(event)).containsExactly(own);
        assertThat(store.auditOf(new EventKey("/crm/eu", "evt-9"))).isEmpty();
    }

    @Test
    void repeatedAuditEntryIsKeptOnce() {
        EventKey event = new EventKey("/crm/eu", "evt-1");
        AuditEntry entry = audit("a-1", event, T0, "received");
        store.appendAudit(entry);

        store.appendAudit(new AuditEntry("a-1", "/crm/eu", "evt-1", T0.plusSeconds(1), "received", "again", null));

        assertThat(store.auditOf(event)).containsExactly(entry);
    }

    // ---- an arriving event stored with its routing -------------------------------------------------------

    @Test
    void routedArrivalIsStoredWithItsNotificationsAndAuditTrail() {
        RoutedArrival arrival = arrival("evt-1", "n-1", "n-2");

        assertThat(store.insertRoutedEvent(arrival)).isTrue();

        assertThat(store.findEvent(arrival.event().key())).contains(arrival.routedEvent());
        assertThat(store.findEvent(arrival.event().key()).orElseThrow().status()).isEqualTo(EventStatus.ROUTED);
        assertThat(store.notificationsOf(arrival.event().key()))
                .containsExactlyInAnyOrderElementsOf(arrival.notifications());
        assertThat(store.auditOf(arrival.event().key())).containsExactly(arrival.received(), arrival.routed());
    }

    @Test
    void routedArrivalOfAStoredEventWritesNothing() {
        RoutedArrival arrival = arrival("evt-1", "n-1");
        StoredEvent first = event("/crm/eu", "evt-1", EventStatus.RECEIVED, T0.minusSeconds(60));
        store.insertEvent(first);

        assertThat(store.insertRoutedEvent(arrival)).isFalse();

        assertThat(store.findEvent(first.key())).contains(first);
        assertThat(store.notificationsOf(first.key())).isEmpty();
        assertThat(store.auditOf(first.key())).isEmpty();
    }

    @Test
    void concurrentRoutedArrivalsOfOneEventStoreItOnce() throws Exception {
        RoutedArrival arrival = arrival("evt-1", "n-1");

        List<Boolean> stored = inParallel(() -> store.insertRoutedEvent(arrival));

        assertThat(stored).containsOnlyOnce(true).hasSize(THREADS);
        assertThat(store.findEvent(arrival.event().key())).contains(arrival.routedEvent());
        assertThat(store.notificationsOf(arrival.event().key())).containsExactlyElementsOf(arrival.notifications());
        assertThat(store.auditOf(arrival.event().key())).hasSize(2);
    }

    /** A new event on {@code /crm/eu} routed by one rule to a pending e-mail per notification id. */
    protected static RoutedArrival arrival(String eventId, String... notificationIds) {
        StoredEvent event = event("/crm/eu", eventId, EventStatus.RECEIVED, T0);
        List<Notification> notifications = new ArrayList<>();
        for (String id : notificationIds) {
            notifications.add(notification(id, event.key(), NotificationStatus.PENDING, T0, T0, T0));
        }
        return new RoutedArrival(event, audit(eventId + "-received", event.key(), T0, "received"), notifications,
                List.of("vip-orders"), T0.plusMillis(3), audit(eventId + "-routed", event.key(), T0.plusMillis(3),
                        "routed"));
    }

    // ---- fixtures ----------------------------------------------------------------------------------------

    private StoredEvent insertRouted(String id, Instant receivedAt, List<String> rules) {
        StoredEvent event = event("/crm/eu", id, EventStatus.RECEIVED, receivedAt);
        store.insertEvent(event);
        Instant at = receivedAt.plusMillis(1);
        assertThat(store.markRouted(event.key(), rules, at)).isTrue();
        return event.routed(rules, at);
    }

    // ---- limits -----------------------------------------------------------------------------------------

    @Test
    void eventNotificationAndAuditAtTheLimitsAreReadBackUnchanged() {
        StoredEvent event = new StoredEvent(LimitValues.widest(StoreLimits.EVENT_SOURCE, "/"),
                LimitValues.widest(StoreLimits.EVENT_ID), LimitValues.widest(StoreLimits.EVENT_TYPE),
                LimitValues.widest(StoreLimits.EVENT_SUBJECT), StoreLimits.LATEST_TIME, T0, Map.of("specversion", "1.0"),
                LimitValues.widest(StoreLimits.DATA_CONTENT_TYPE), "{}", EventStatus.RECEIVED, List.of(), null);
        Notification notification = new Notification("n-1", event.source(), event.id(), NotificationKind.EVENT,
                LimitValues.widest(StoreLimits.RULE), LimitValues.widest(StoreLimits.TEMPLATE),
                LimitValues.widest(StoreLimits.RECIPIENT), Channel.EMAIL, LimitValues.widest(StoreLimits.ADDRESS),
                LimitValues.widest(StoreLimits.LOCALE), LimitValues.widest(StoreLimits.TIME_ZONE), Priority.HIGH,
                NotificationStatus.PENDING, 0, T0, null, null, null, T0, T0, 0);
        AuditEntry audit = audit("a-1", event.key(), T0, "received");

        assertThat(store.insertEvent(event)).isTrue();
        assertThat(store.insertNotification(notification)).isTrue();
        store.appendAudit(audit);

        assertThat(store.findEvent(event.key())).contains(event);
        assertThat(store.notificationsOf(event.key())).containsExactly(notification);
        assertThat(store.auditOf(event.key())).containsExactly(audit);
    }

    @Test
    void eventAtTheEarliestStorableTimeIsReadBackUnchanged() {
        StoredEvent event = new StoredEvent("/crm/eu", "evt-1", "order.created", null, StoreLimits.EARLIEST_TIME, T0,
                Map.of(), null, null, EventStatus.RECEIVED, List.of(), null);

        store.insertEvent(event);

        assertThat(store.findEvent(event.key())).contains(event);
    }

    private static StoredEvent event(String source, String id, EventStatus status, Instant receivedAt) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("specversion", "1.0");
        attributes.put("tenant", "Zürich – «Nord» ✓");
        attributes.put("empty", "");
        return new StoredEvent(source, id, "com.example.order.created", "orders/4711", receivedAt.minusSeconds(2),
                receivedAt, attributes, "application/json", "{\"amount\": 12.5, \"note\": \"naïve ☕\"}", status,
                List.of(), null);
    }

    private static Notification notification(String id, EventKey event, NotificationStatus status,
            Instant nextAttemptAt, Instant createdAt, Instant updatedAt) {
        return new Notification(id, event.source(), event.id(), NotificationKind.EVENT, "vip-orders", "order-created",
                "u-1", Channel.EMAIL, "anna@example.com", "de-CH", "Europe/Zurich", Priority.HIGH, status, 2,
                nextAttemptAt, "job-1", "Submitted", "HTTP 503", createdAt, updatedAt, 4);
    }

    private static AuditEntry audit(String id, EventKey event, Instant at, String step) {
        return new AuditEntry(id, event.source(), event.id(), at, step, "herald", step + " detail");
    }

    /** Runs the same call on several threads released at the same moment, and collects every outcome. */
    private static <T> List<T> inParallel(Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
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
