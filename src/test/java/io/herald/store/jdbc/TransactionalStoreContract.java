package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.store.RoutedArrival;
import io.herald.store.StoreContract;
import io.herald.store.StoreException;
import org.junit.jupiter.api.Test;

/** What a JDBC store promises beyond the contract: an arriving event and its routing are stored all or nothing. */
abstract class TransactionalStoreContract extends StoreContract {

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
}
