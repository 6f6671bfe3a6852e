package io.herald.slasweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.domain.Channel;
import io.herald.domain.EntityRef;
import io.herald.domain.EventKey;
import io.herald.domain.Notification;
import io.herald.domain.NotificationKind;
import io.herald.domain.Priority;
import io.herald.domain.StoredEvent;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.store.Store;
import io.herald.store.TaskStore;
import io.herald.support.Herald;
import io.herald.support.Tasks;
import io.herald.support.TestClock;
import io.herald.support.TestClockProfile;
import io.herald.work.NotificationWork;
import io.herald.writeback.WriteBackKinds;
import io.herald.writeback.WriteBackRecorder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sweep wakes work whose queue message was lost: stored, due for minutes, and nobody looking at it. Work is
 * stored here without its wake-up call, as if the message had been lost.
 */
@QuarkusTest
@TestProfile(TestClockProfile.class)
class SweepRedriveTest {

    @Inject
    TestClock clock;

    @Inject
    SlaSweep sweep;

    @Inject
    Store store;

    @Inject
    TaskStore tasks;

    @Inject
    NotificationWork work;

    @Inject
    WriteBackRecorder writeBacks;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aNotificationWhoseWakeUpCallWasLostIsSentByTheSweep() {
        ObjectNode shipment = Herald.sample("shipment-delayed");
        Herald.post(shipment).then().statusCode(202);
        Herald.awaitIdle();
        StoredEvent event = store.findEvent(new EventKey(shipment.get("source").asText(),
                shipment.get("id").asText())).orElseThrow();
        Notification lost = work.plan(event, NotificationKind.EVENT, "erp-workflow-status", "workflow-status",
                Priority.NORMAL, "frank", Channel.EMAIL, "frank@example.com", "en", "Europe/Berlin");
        store.insertNotification(lost);

        clock.set(Instant.now().plus(Duration.ofSeconds(30)));
        sweep.sweep();
        Herald.awaitIdle();
        assertThat(store.findNotification(lost.id()).orElseThrow().attempts()).as("not yet overdue enough").isZero();

        clock.set(Instant.now().plus(Duration.ofMinutes(3)));
        SweepReport report = sweep.sweep();
        Herald.awaitIdle();

        assertThat(report.redriven()).isPositive();
        assertThat(Herald.submissionsFor(event.id())).anySatisfy(s -> assertThat(s.get("destinations").toString())
                .contains("frank@example.com"));
    }

    @Test
    void aWriteBackWhoseWakeUpCallWasLostIsDeliveredByTheSweep() {
        Instant now = Instant.now();
        String run = UUID.randomUUID().toString();
        Task task = new Task("task-" + run, "/xconnector/erp/s4-purchasing", "po-" + run, "erp-approval",
                "Approve PO-" + run, new EntityRef("s4-purchasing", "purchase-order", "PO-" + run),
                List.of("approve", "reject"), List.of("bob"), TaskStatus.OPEN, null, now, now, 0);
        tasks.insertTask(task);
        tasks.insertWriteBack(writeBacks.plan(task, WriteBackKinds.RESPONSE, "approve", "bob", null, now));

        clock.set(now.plus(Duration.ofMinutes(3)));
        sweep.sweep();

        assertThat(Tasks.awaitWriteBacks(task.id(), 1).get(0).toString()).contains("approve");
    }
}
