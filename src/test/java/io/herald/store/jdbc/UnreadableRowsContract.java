package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.Channel;
import io.herald.domain.EventKey;
import io.herald.domain.Notification;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.Priority;
import io.herald.store.StoreException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stored row changed by hand into something Herald cannot read stops no listing: the others are still read. Run
 * on each SQL database the store supports.
 */
abstract class UnreadableRowsContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
    private static final EventKey EVENT = new EventKey("/crm/eu", "evt-1");

    private JdbcStore store;

    /** A migrated database whose store tables are empty. */
    protected abstract DataSource emptyDatabase() throws Exception;

    @BeforeEach
    void storeTwoDueNotificationsAndSpoilOne() throws Exception {
        DataSource database = emptyDatabase();
        store = new JdbcStore(database, new ObjectMapper());
        store.insertNotification(notification("n-1"));
        store.insertNotification(notification("n-2"));
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE notifications SET channel = 'fax' WHERE id = 'n-1'");
        }
    }

    @Test
    void listingsLeaveOutTheUnreadableRowAndReadTheRest() {
        assertThat(store.dueNotifications(T0.plusSeconds(60), 10)).extracting(Notification::id)
                .containsExactly("n-2");
        assertThat(store.notificationsOf(EVENT)).extracting(Notification::id).containsExactly("n-2");
    }

    @Test
    void theUnreadableRowAskedForByIdIsAStoreFailureNotAnAbsence() {
        assertThatThrownBy(() -> store.findNotification("n-1")).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot be read");
        assertThat(store.findNotification("n-2")).isPresent();
    }

    private static Notification notification(String id) {
        return new Notification(id, EVENT.source(), EVENT.id(), NotificationKind.EVENT, "vip-orders", "order-created",
                "u-1", Channel.EMAIL, "anna@example.com", "de-CH", "Europe/Zurich", Priority.HIGH,
                NotificationStatus.PENDING, 0, T0, null, null, null, T0, T0, 0);
    }
}
