package io.herald.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.domain.NotificationStatus;
import io.herald.domain.WriteBackStatus;
import io.herald.store.Store;
import io.herald.store.TaskStore;
import io.herald.support.Herald;
import io.herald.work.FailureAlerts;
import io.herald.writeback.WriteBackAlerts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A notification or write-back written dead owes its alert in that same write: a process that died before raising
 * it leaves the debt in the store, and the next start raises each alert once and clears the debt.
 */
@QuarkusTest
@TestProfile(OwedAlertRestartTest.AfterACrash.class)
class OwedAlertRestartTest {

    public static class AfterACrash implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LeftoverOwedAlerts.class));
        }
    }

    @Inject
    Store store;

    @Inject
    TaskStore tasks;

    @Test
    void alertOwedByADeadNotificationIsRaisedOnceAfterARestart() {
        String alertId = "undeliverable-" + LeftoverOwedAlerts.NOTIFICATION_ID;

        JsonPath alert = awaitDelivered(FailureAlerts.SOURCE, alertId);

        JsonPath data = new JsonPath(alert.getString("event.data"));
        assertThat(data.getString("errorCode")).isEqualTo("HTTP 400");
        assertThat(data.getString("errorMessage")).contains("invalid destination");
        assertThat(Herald.submissionsFor(alertId)).hasSize(alert.getList("notifications").size());
        assertThat(store.findNotification(LeftoverOwedAlerts.NOTIFICATION_ID)).hasValueSatisfying(n -> {
            assertThat(n.status()).isEqualTo(NotificationStatus.DEAD);
            assertThat(n.alertOwed()).isNull();
        });
    }

    @Test
    void alertOwedByADeadWriteBackIsRaisedOnceAfterARestart() {
        String alertId = WriteBackAlerts.alertId(LeftoverOwedAlerts.WRITE_BACK_ID);

        JsonPath alert = awaitDelivered(WriteBackAlerts.SOURCE, alertId);

        assertThat(new JsonPath(alert.getString("event.data")).getString("errorCode")).isEqualTo("HTTP 422");
        assertThat(Herald.submissionsFor(alertId)).hasSize(alert.getList("notifications").size());
        assertThat(tasks.findWriteBack(LeftoverOwedAlerts.WRITE_BACK_ID)).hasValueSatisfying(w -> {
            assertThat(w.status()).isEqualTo(WriteBackStatus.DEAD);
            assertThat(w.alertOwed()).isNull();
        });
    }

    private static JsonPath awaitDelivered(String source, String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonPath alert = Herald.event(source, id);
            return alert != null && !alert.getList("notifications").isEmpty()
                    && alert.getList("notifications.status").stream().allMatch("DELIVERED"::equals);
        });
        return Herald.event(source, id);
    }
}
