package io.herald.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Notification ids: version 8 UUIDs of the event's receipt time (Unix milliseconds first) and the SHA-256 hash of
 * source, event id, recipient and channel. The expected ids were computed apart from this code.
 */
class NotificationIdsTest {

    private static final EventKey EVENT = new EventKey("/xconnector/erp/s4-logistics", "evt-1");
    private static final Instant RECEIVED = Instant.parse("2026-12-07T01:30:00.123456789Z");

    @Test
    void idIsTheReceiptTimeThenTheHashOfWhatMakesTheNotificationUnique() {
        assertThat(NotificationIds.of(EVENT, RECEIVED, "carol", Channel.EMAIL))
                .isEqualTo("01a24e1f-3e3b-8874-ac29-1fd01a8f6c2e");
        assertThat(NotificationIds.of(EVENT, RECEIVED, "carol", Channel.SMS))
                .isEqualTo("01a24e1f-3e3b-81b3-9356-c2ca2d7c046b");
        assertThat(NotificationIds.of(EVENT, RECEIVED.plusMillis(1), "carol", Channel.EMAIL))
                .isEqualTo("01a24e1f-3e3c-8874-ac29-1fd01a8f6c2e");
        assertThat(NotificationIds.of(new EventKey("/xconnector/crm/dynamics", "ünïcode-2"), Instant.EPOCH, "dave",
                Channel.EMAIL)).isEqualTo("00000000-0000-83bb-b627-601a55099d0a");
    }

    @Test
    void idIsAVersion8UuidOfTheRfc9562Variant() {
        UUID id = UUID.fromString(NotificationIds.of(EVENT, RECEIVED, "carol", Channel.INAPP));
        assertThat(id.version()).isEqualTo(8);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void theStoresPrecisionKeepsTheId() {
        assertThat(NotificationIds.of(EVENT, RECEIVED.truncatedTo(ChronoUnit.MICROS), "carol", Channel.EMAIL))
                .isEqualTo(NotificationIds.of(EVENT, RECEIVED, "carol", Channel.EMAIL));
    }

    @Test
    void idsOfLaterEventsSortAfterThoseOfEarlierOnes() {
        for (int i = 0; i < 1_000; i++) {
            String earlier = NotificationIds.of(new EventKey("/source", "event-" + i), RECEIVED, "carol",
                    Channel.EMAIL);
            String later = NotificationIds.of(new EventKey("/source", "event-" + (999 - i)), RECEIVED.plusMillis(1),
                    "carol", Channel.EMAIL);
            assertThat(later).as("event-%d after event-%d", 999 - i, i).isGreaterThan(earlier);
        }
    }
}
