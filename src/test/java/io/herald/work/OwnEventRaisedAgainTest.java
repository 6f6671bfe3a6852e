package io.herald.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.Channel;
import io.herald.domain.Notification;
import io.herald.domain.NotificationIds;
import io.herald.domain.NotificationKind;
import io.herald.domain.Priority;
import io.herald.domain.StoredEvent;
import io.herald.store.Store;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An event of Herald's own raised again after a crash (stored, one of its two notifications stored, then the
 * process died) is completed from the event as first stored: the notification already stored keeps its id and the
 * missing one gets the id it would have had, although the second raising builds its event a minute later. One
 * stored under an id an earlier version of Herald derived is kept too, not planned again.
 */
@QuarkusTest
class OwnEventRaisedAgainTest {

    private static final String SOURCE = "/herald/test/own-events";
    private static final Instant FIRST_RAISED = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Inject
    NotificationWork work;

    @Inject
    Store store;

    @Inject
    ObjectMapper json;

    @Test
    void raisingAgainCompletesTheNotificationsUnderTheirFirstIds() {
        String id = "raised-again-" + UUID.randomUUID();
        StoredEvent first = alert(id, FIRST_RAISED);
        store.insertEvent(first);
        store.insertNotification(toUser(first, "carol"));

        boolean recorded = work.recordOwn(alert(id, FIRST_RAISED.plusSeconds(60)), List.of("alerts"),
                stored -> List.of(toUser(stored, "carol"), toUser(stored, "dave")));

        assertThat(recorded).isTrue();
        assertThat(store.notificationsOf(first.key())).extracting(Notification::id).containsExactlyInAnyOrder(
                NotificationIds.of(first, "carol", Channel.EMAIL), NotificationIds.of(first, "dave", Channel.EMAIL));
        assertThat(work.recordOwn(alert(id, FIRST_RAISED.plusSeconds(120)), List.of("alerts"),
                stored -> List.of(toUser(stored, "erin")))).as("routed by then: nothing more is planned").isFalse();
        assertThat(store.notificationsOf(first.key())).hasSize(2);
    }

    @Test
    void aNotificationStoredUnderAnIdOfAnEarlierVersionIsKept() {
        String id = "earlier-version-" + UUID.randomUUID();
        StoredEvent first = alert(id, FIRST_RAISED);
        store.insertEvent(first);
        Notification toCarol = toUser(first, "carol");
        String earlierId = UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString();
        store.insertNotification(new Notification(earlierId, toCarol.eventSource(), toCarol.eventId(), toCarol.kind(),
                toCarol.rule(), toCarol.template(), toCarol.recipient(), toCarol.channel(), toCarol.address(),
                toCarol.locale(), toCarol.timeZone(), toCarol.priority(), toCarol.status(), toCarol.attempts(),
                toCarol.nextAttemptAt(), null, null, null, toCarol.createdAt(), toCarol.updatedAt(), 0));

        work.recordOwn(first, List.of("alerts"), stored -> List.of(toUser(stored, "carol"), toUser(stored, "dave")));

        assertThat(store.notificationsOf(first.key())).extracting(Notification::id)
                .containsExactlyInAnyOrder(earlierId, NotificationIds.of(first, "dave", Channel.EMAIL));
    }

    private StoredEvent alert(String id, Instant raised) {
        return AlertEvent.of(id, "s4", "E42", "lost", "gave up").event(SOURCE, id, "herald.test.alert", id, raised,
                json);
    }

    private Notification toUser(StoredEvent event, String user) {
        return work.plan(event, NotificationKind.ALERT, "alerts", "integration-failure", Priority.HIGH, user,
                Channel.EMAIL, user + "@example.com", "en", "Europe/Berlin");
    }
}
