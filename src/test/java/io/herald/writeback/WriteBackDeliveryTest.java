package io.herald.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.domain.AuditEntry;
import io.herald.domain.Decision;
import io.herald.domain.EventKey;
import io.herald.domain.Task;
import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import io.herald.signing.Hmac;
import io.herald.simulator.xconnector.ReceivedWriteBack;
import io.herald.store.Store;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A recorded decision reaches xConnector once, as the contract describes it, signed and idempotent. */
@QuarkusTest
class WriteBackDeliveryTest {

    @Inject
    WriteBackRecorder writeBacks;

    @Inject
    WriteBackTesting testing;

    @Inject
    Store store;

    @ConfigProperty(name = "herald.writeback.secret")
    String secret;

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
    void decisionArrivesOnceWithTheContractFieldsHeadersAndAVerifiableSignature() throws InterruptedException {
        Task task = TestTasks.approvalOf(TestTasks.newPurchaseOrder());
        Instant decidedAt = Instant.parse("2026-11-29T10:15:30.123Z");
        Decision decision = new Decision("approve", "bob", "Budget checked", decidedAt, "token-1");

        WriteBack recorded = writeBacks.record(writeBacks.plan(task, WriteBackKinds.RESPONSE, decision.action(),
                decision.actor(), decision.comment(), decision.at()));

        testing.awaitStatus(recorded.id(), WriteBackStatus.DELIVERED);
        Thread.sleep(300);
        List<ReceivedWriteBack> applied = testing.applied(recorded.id());
        assertThat(applied).hasSize(1);
        assertThat(testing.calls(recorded.id())).hasSize(1);
        ReceivedWriteBack received = applied.get(0);

        JsonNode body = received.body();
        assertThat(body.get("id").asText()).isEqualTo(recorded.id());
        assertThat(body.get("kind").asText()).isEqualTo("response");
        assertThat(body.get("targetSystem").asText()).isEqualTo(task.entity().system());
        assertThat(body.get("entityType").asText()).isEqualTo("purchase-order");
        assertThat(body.get("entityId").asText()).isEqualTo(task.entity().id());
        assertThat(body.get("action").asText()).isEqualTo("approve");
        assertThat(body.get("actor").asText()).isEqualTo("bob");
        assertThat(body.get("comment").asText()).isEqualTo("Budget checked");
        assertThat(OffsetDateTime.parse(body.get("occurredAt").asText()).toInstant()).isEqualTo(decidedAt);
        assertThat(body.get("correlation").get("eventSource").asText()).isEqualTo(task.eventSource());
        assertThat(body.get("correlation").get("eventId").asText()).isEqualTo(task.eventId());
        assertThat(body.get("correlation").get("taskId").asText()).isEqualTo(task.id());

        assertThat(received.header("Idempotency-Key")).isEqualTo(recorded.id());
        assertThat(received.header("Content-Type")).startsWith("application/json");
        String timestamp = received.header("X-Herald-Timestamp");
        assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset
                .offset(60L));
        assertThat(received.header("X-Herald-Signature")).isEqualTo(
                Hmac.signatureHeader(secret, timestamp, received.rawBody().getBytes(StandardCharsets.UTF_8)));

        WriteBack delivered = testing.stored(recorded.id());
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(auditSteps(task)).containsExactly("written-back");
    }

    @Test
    void writeBackWithoutACommentLeavesTheFieldOut() {
        Task task = TestTasks.approvalOf(TestTasks.newPurchaseOrder());

        WriteBack recorded = writeBacks.record(writeBacks.plan(task, WriteBackKinds.RESPONSE, "reject", "bob", null,
                Instant.now()));

        testing.awaitStatus(recorded.id(), WriteBackStatus.DELIVERED);
        assertThat(testing.applied(recorded.id()).get(0).body().has("comment")).isFalse();
    }

    @Test
    void recordingTheSameWriteBackTwiceStoresAndSendsItOnce() throws InterruptedException {
        Task task = TestTasks.approvalOf(TestTasks.newPurchaseOrder());
        WriteBack planned = writeBacks.plan(task, WriteBackKinds.RESPONSE, "approve", "bob", null, Instant.now());

        writeBacks.record(planned);
        WriteBack again = writeBacks.record(writeBacks.plan(task, WriteBackKinds.RESPONSE, "approve", "bob", null,
                Instant.now()));

        assertThat(again.id()).isEqualTo(planned.id());
        testing.awaitStatus(planned.id(), WriteBackStatus.DELIVERED);
        Thread.sleep(300);
        assertThat(testing.calls(planned.id())).hasSize(1);
        assertThat(testing.applied(planned.id())).hasSize(1);
    }

    @Test
    void conflictForAnAlreadyAppliedKeyCountsAsDelivered() throws InterruptedException {
        Task task = TestTasks.approvalOf(TestTasks.newPurchaseOrder());
        WriteBack planned = writeBacks.plan(task, WriteBackKinds.RESPONSE, "approve", "bob", null, Instant.now());
        // xConnector applied it already: an earlier attempt got through but its answer was lost.
        applyDirectly(planned);

        writeBacks.record(planned);

        WriteBack delivered = testing.awaitStatus(planned.id(), WriteBackStatus.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(testing.calls(planned.id())).extracting(c -> c.status()).containsExactly(200, 409);
        Thread.sleep(300);
        assertThat(testing.applied(planned.id())).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> !auditSteps(task).isEmpty());
        assertThat(store.auditOf(eventOf(task))).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains("already applied"));
    }

    private void applyDirectly(WriteBack writeBack) {
        byte[] body = Herald.bytes(WriteBackBody.of(writeBack));
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Herald.http().contentType("application/json")
                .header("Idempotency-Key", writeBack.id())
                .header("X-Herald-Timestamp", timestamp)
                .header("X-Herald-Signature", Hmac.signatureHeader(secret, timestamp, body))
                .body(body).post("/sim/xconnector/writebacks").then().statusCode(200);
    }

    private List<String> auditSteps(Task task) {
        return store.auditOf(eventOf(task)).stream().map(AuditEntry::step).toList();
    }

    private static EventKey eventOf(Task task) {
        return new EventKey(task.eventSource(), task.eventId());
    }
}
