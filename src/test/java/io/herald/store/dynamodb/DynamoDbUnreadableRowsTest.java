package io.herald.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.domain.Channel;
import io.herald.domain.EventKey;
import io.herald.domain.Notification;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.Priority;
import io.herald.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An item changed by hand into something Herald cannot read stops no listing: the others are still read. */
class DynamoDbUnreadableRowsTest {

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
    private static final EventKey EVENT = new EventKey("/crm/eu", "evt-1");

    private DynamoDbStore store;

    @BeforeEach
    void storeTwoDueNotificationsAndSpoilOne() {
        DynamoDbTables tables = DYNALITE.createTables();
        store = new DynamoDbStore(DYNALITE.client(), tables, Duration.ofDays(30), Clock.systemUTC());
        store.insertNotification(notification("n-1"));
        store.insertNotification(notification("n-2"));
        DYNALITE.client().updateItem(b -> b.tableName(tables.notifications())
                .key(Map.of("id", AttributeValue.fromS("n-1")))
                .updateExpression("SET #channel = :fax")
                .expressionAttributeNames(Map.of("#channel", "channel"))
                .expressionAttributeValues(Map.of(":fax", AttributeValue.fromS("fax"))));
    }

    @AfterEach
    void dropTables() {
        DYNALITE.dropTables();
    }

    @Test
    void listingsLeaveOutTheUnreadableItemAndReadTheRest() {
        assertThat(store.dueNotifications(T0.plusSeconds(60), 10)).extracting(Notification::id)
                .containsExactly("n-2");
        assertThat(store.notificationsOf(EVENT)).extracting(Notification::id).containsExactly("n-2");
    }

    @Test
    void theUnreadableItemAskedForByIdIsAStoreFailureNotAnAbsence() {
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
