package io.herald.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.domain.EntityRef;
import io.herald.domain.Task;
import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import io.herald.simulator.xconnector.WriteBackCall;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** xConnector sees the write-backs of one entity in the order they were recorded, whatever fails in between. */
@QuarkusTest
class WriteBackOrderTest {

    @Inject
    WriteBackRecorder writeBacks;

    @Inject
    WriteBackTesting testing;

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
    void youngerWriteBackOfAnEntityIsNotSentBeforeTheOlderOneThatKeepsFailing() throws InterruptedException {
        testing.xconnector().faults().failNext(4, 503);
        EntityRef order = TestTasks.newPurchaseOrder();
        WriteBack first = writeBacks.record(decision(TestTasks.approvalOf(order), "approve"));
        Thread.sleep(5);
        WriteBack second = writeBacks.record(decision(TestTasks.approvalOf(order), "comment"));

        testing.awaitStatus(second.id(), WriteBackStatus.DELIVERED);

        assertThat(testing.stored(first.id()).status()).isEqualTo(WriteBackStatus.DELIVERED);
        assertThat(testing.calls(first.id())).extracting(WriteBackCall::status)
                .containsExactly(503, 503, 503, 503, 200);
        assertThat(testing.calls(second.id())).extracting(WriteBackCall::status).containsExactly(200);
        assertThat(testing.calls(second.id()).get(0).at()).isAfterOrEqualTo(testing.calls(first.id()).get(4).at());
        assertThat(testing.stored(second.id()).attempts()).isEqualTo(1);
    }

    @Test
    void youngerWriteBackWaitsWhileXConnectorIsDownAndFollowsTheOlderOne() throws InterruptedException {
        testing.xconnector().faults().down(true);
        EntityRef order = TestTasks.newPurchaseOrder();
        WriteBack first = writeBacks.record(decision(TestTasks.approvalOf(order), "approve"));
        Thread.sleep(5);
        WriteBack second = writeBacks.record(decision(TestTasks.approvalOf(order), "comment"));

        await().atMost(WriteBackTesting.PATIENCE).until(() -> testing.calls(first.id()).size() >= 3);
        assertThat(testing.calls(second.id())).isEmpty();
        assertThat(testing.stored(second.id()).status()).isEqualTo(WriteBackStatus.PENDING);
        testing.xconnector().faults().down(false);

        testing.awaitStatus(second.id(), WriteBackStatus.DELIVERED);
        List<String> appliedInOrder = testing.xconnector().writeBacks().stream()
                .map(w -> w.header("Idempotency-Key")).filter(id -> id.equals(first.id()) || id.equals(second.id()))
                .toList();
        assertThat(appliedInOrder).containsExactly(first.id(), second.id());
    }

    @Test
    void olderWriteBackGivenUpNoLongerHoldsUpTheEntity() throws InterruptedException {
        testing.xconnector().faults().failNext(1, 400);
        EntityRef order = TestTasks.newPurchaseOrder();
        WriteBack first = writeBacks.record(decision(TestTasks.approvalOf(order), "approve"));
        Thread.sleep(5);
        WriteBack second = writeBacks.record(decision(TestTasks.approvalOf(order), "comment"));

        testing.awaitStatus(second.id(), WriteBackStatus.DELIVERED);

        assertThat(testing.stored(first.id()).status()).isEqualTo(WriteBackStatus.DEAD);
        assertThat(testing.applied(second.id())).hasSize(1);
    }

    private WriteBack decision(Task task, String action) {
        return writeBacks.plan(task, WriteBackKinds.RESPONSE, action, "bob", null, Instant.now());
    }
}
