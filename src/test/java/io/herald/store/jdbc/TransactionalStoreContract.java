package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.domain.AuditEntry;
import io.herald.domain.Channel;
import io.herald.domain.EventKey;
import io.herald.domain.Notification;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.Priority;
import io.herald.store.RoutedArrival;
import io.herald.store.StoreContract;
import io.herald.store.StoreException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What a JDBC store promises beyond the contract: an arriving event and its routing are stored all or nothing, and
 * so are a notification's change and the audit entry recording it.
 */
abstract class TransactionalStoreContract extends StoreContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    @Test
    void routedArrivalThatFailsPartWayStoresNothing() {
        // Two notifications with one id: the second insert fails after the event and the first one were written.
        RoutedArrival arrival = arrival("evt-1", "n-1", "n-1");

        assertThatThrownBy(() -> store.insertRoutedEvent(arrival)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("insertRoutedEvent failed");

        assertThat(store.findEvent(arrival.event().key())).isEmpty();
        assertThat(store.findNotification("n-1")).isEmpty();
        assertThat(store.auditOf(arrival.event().key())).isEmpty();
    }

    @Test
    void routedArrivalCanBeStoredAfterAFailedOne() {
        assertThatThrownBy(() -> store.insertRoutedEvent(arrival("evt-1", "n-1", "n-1")))
                .isInstanceOf(StoreException.class);
        RoutedArrival retried = arrival("evt-1", "n-1");

        assertThat(store.insertRoutedEvent(retried)).isTrue();

        assertThat(store.findEvent(retried.event().key())).contains(retried.routedEvent());
        assertThat(store.notificationsOf(retried.event().key())).containsExactlyElementsOf(retried.notifications());
    }

    @Test
    void updateWhoseAuditEntryFailsChangesNothing() {
        EventKey event = new EventKey("/crm/eu", "evt-1");
        Notification pending = new Notification("n-1", "/crm/eu", "evt-1", NotificationKind.EVENT, "rule-a",
                "template-a", null, Channel.EMAIL, "carol", "en", "UTC", Priority.NORMAL, NotificationStatus.PENDING, 0,
                T0, null, null, null, T0, T0, 0);
        store.insertNotification(pending);
        // A step longer than its column: the entry is refused after the notification's row was changed.
        AuditEntry unstorable = new AuditEntry("a-1", "/crm/eu", "evt-1", T0, "s".repeat(65), "herald", "sent");

        assertThatThrownBy(() -> store.updateNotification(pending.claimed(T0.plusSeconds(30), T0), unstorable))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("updateNotification failed");

        assertThat(store.findNotification("n-1")).contains(pending);
        assertThat(store.auditOf(event)).isEmpty();
    }
}
