package io.herald.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.domain.AuditEntry;
import io.herald.domain.EventKey;
import io.herald.domain.Task;
import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import io.herald.simulator.xconnector.WriteBackCall;
import io.herald.simulator.xconnector.XConnectorFaultSettings;
import io.herald.store.Store;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nothing is lost, nothing is applied twice, and ops hear of what cannot be written back. */
@QuarkusTest
class WriteBackResilienceTest {

    @Inject
    WriteBackRecorder writeBacks;

    @Inject
    WriteBackWriter writer;

    @Inject
    WriteBackTesting testing;

    @Inject
    Store store;

    @BeforeEach
    void earlierWriteBacksAreDone() {
        testing.awaitIdle();
        testing.xconnector().faults().reset();
    }

    @AfterEach
    void xconnectorBehavesAgain() {
        testing.xconnector().faults().reset();
    }

    @Test
    void twoServiceUnavailableAnswersThenSuccessApplyItExactlyOnce() throws InterruptedException {
        testing.xconnector().faults().failNext(2, 503);
        Task task = TestTasks.approvalOf(TestTasks.newPurchaseOrder());

        WriteBack recorded = writeBacks.record(approve(task));

        WriteBack delivered = testing.awaitStatus(recorded.id(), WriteBackStatus.DELIVERED);
        Thread.sleep(500);
        assertThat(testing.applied(recorded.id())).hasSize(1);
        assertThat(testing.calls(recorded.id())).extracting(WriteBackCall::status).containsExactly(503, 503, 200);
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(auditSteps(task)).containsExactly("write-back-retrying", "write-back-retrying", "written-back");
    }

    @Test
    void throttlingIsRetriedAfterTheRequestedWait() {
        testing.xconnector().faults().apply(new XConnectorFaultSettings(null, 1, 429, 2, null));
        Task task = TestTasks.approvalOf(TestTasks.newPurchaseOrder());

        WriteBack recorded = writeBacks.record(approve(task));

        testing.awaitStatus(recorded.id(), WriteBackStatus.DELIVERED);
        List<WriteBackCall> calls = testing.calls(recorded.id());
        assertThat(calls).extracting(WriteBackCall::status).containsExactly(429, 200);
        // Backoff alone would retry within 0.1 s in tests; Retry-After asked for 2 s.
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(
                Duration.ofMillis(1900));
    }

    @Test
    void whileXConnectorIsDownTheWriteBackWaitsAndArrivesOnceItIsBack() throws InterruptedException {
        testing.xconnector().faults().down(true);
        Task task = TestTasks.approvalOf(TestTasks.newPurchaseOrder());

        WriteBack recorded = writeBacks.record(approve(task));

        await().atMost(WriteBackTesting.PATIENCE).until(() -> testing.calls(recorded.id()).size() >= 3);
        assertThat(testing.applied(recorded.id())).isEmpty();
        assertThat(testing.stored(recorded.id()).status()).isIn(WriteBackStatus.PENDING, WriteBackStatus.SENDING);
        assertThat(testing.stored(recorded.id()).lastError()).startsWith("no response");

        testing.xconnector().faults().down(false);

        testing.awaitStatus(recorded.id(), WriteBackStatus.DELIVERED);
        Thread.sleep(500);
        assertThat(testing.applied(recorded.id())).hasSize(1);
        assertThat(testing.calls(recorded.id())).filteredOn(c -> c.status() == 200).hasSize(1);
    }

    @Test
    void badRequestMarksTheWriteBackDeadAndAlertsOpsOnce() throws InterruptedException {
        testing.xconnector().faults().failNext(1, 400);
        Task task = TestTasks.approvalOf(TestTasks.newPurchaseOrder());

        WriteBack recorded = writeBacks.record(approve(task));

        WriteBack dead = testing.awaitStatus(recorded.id(), WriteBackStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(1);
        assertThat(dead.lastError()).startsWith("HTTP 400");
        assertThat(testing.applied(recorded.id())).isEmpty();
        String alertId = WriteBackAlerts.alertId(recorded.id());
        await().atMost(WriteBackTesting.PATIENCE).until(() -> Herald.submissionsFor(alertId).size() == 4);
        assertThat(Herald.submissionsFor(alertId)).extracting(WriteBackResilienceTest::destination)
                .containsExactlyInAnyOrder("frank@example.com", "grace@example.com", "+4915110000006",
                        "+4915110000007");
        Map<String, Object> email = Herald.submissionsFor(alertId).stream()
                .filter(s -> "EMAIL".equals(s.get("channel"))).findFirst().orElseThrow();
        assertThat((String) email.get("subject")).contains("HTTP 400").contains(TestTasks.SYSTEM)
                .contains(recorded.id());

        // Waking the writer again for the dead write-back raises nothing more.
        writer.deliver(recorded.id());
        Thread.sleep(500);
        assertThat(Herald.submissionsFor(alertId)).hasSize(4);
        JsonPath alert = Herald.event(WriteBackAlerts.SOURCE, alertId);
        assertThat(alert.getList("notifications")).hasSize(4);
        assertThat(auditSteps(task)).containsExactly("write-back-dead", "alerted");
    }

    @Test
    void writeBackStillFailingAtItsGiveUpTimeIsDeadAndAlerted() {
        testing.xconnector().faults().down(true);
        Task task = TestTasks.approvalOf(TestTasks.newPurchaseOrder());
        WriteBack planned = approve(task);
        Instant dayAndAHourAgo = Instant.now().minus(Duration.ofHours(25));
        WriteBack recordedLongAgo = new WriteBack(planned.id(), planned.taskId(), planned.eventSource(),
                planned.eventId(), planned.entity(), planned.kind(), planned.action(), planned.actor(),
                planned.comment(), dayAndAHourAgo, planned.status(), 0, dayAndAHourAgo, null, dayAndAHourAgo,
                dayAndAHourAgo, 0);

        writeBacks.record(recordedLongAgo);

        WriteBack dead = testing.awaitStatus(planned.id(), WriteBackStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(1);
        assertThat(dead.lastError()).startsWith("no response");
        String alertId = WriteBackAlerts.alertId(planned.id());
        await().atMost(WriteBackTesting.PATIENCE).until(() -> Herald.submissionsFor(alertId).size() == 4);
        assertThat(Herald.submissionsFor(alertId)).filteredOn(s -> "EMAIL".equals(s.get("channel")))
                .allSatisfy(email -> assertThat((String) email.get("subject")).contains("NO_RESPONSE"));
        assertThat(auditSteps(task)).containsExactly("write-back-dead", "alerted");
    }

    private WriteBack approve(Task task) {
        return writeBacks.plan(task, WriteBackKinds.RESPONSE, "approve", "bob", null, Instant.now());
    }

    private List<String> auditSteps(Task task) {
        return store.auditOf(new EventKey(task.eventSource(), task.eventId())).stream().map(AuditEntry::step)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static String destination(Map<String, Object> submission) {
        List<Map<String, Object>> destinations = (List<Map<String, Object>>) submission.get("destinations");
        assertThat(destinations).hasSize(1);
        return (String) destinations.get(0).get("address");
    }
}
