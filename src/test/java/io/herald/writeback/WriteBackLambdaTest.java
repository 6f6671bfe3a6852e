package io.herald.writeback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;

import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import io.herald.store.TaskStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The writeback Lambda handler, fed an SQS batch through the Lambda mock event server. */
@QuarkusTest
@TestProfile(WriteBackLambdaTest.WriteBackHandler.class)
class WriteBackLambdaTest {

    public static class WriteBackHandler implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "writeback");
        }
    }

    @Inject
    TaskStore store;

    @Inject
    WriteBackRecorder writeBacks;

    @Inject
    WriteBackTesting testing;

    @Inject
    MeterRegistry metrics;

    @Test
    void batchDeliversItsWriteBackAndDropsTheUnreadableMessageWithoutRedelivery() {
        double dropped = metrics.counter("herald.queue.messages.dropped", "queue", "writeback").count();
        WriteBack stored = writeBacks.plan(TestTasks.approvalOf(TestTasks.newPurchaseOrder()),
                WriteBackKinds.RESPONSE, "approve", "bob", null, Instant.now());
        // Stored without a wake-up: only the batch below may deliver it.
        store.insertWriteBack(stored);

        given().contentType("application/json").body(Map.of("Records", List.of(
                        message("6b0f2a52-3f0e-4d55-9d1b-2a8f4f0c1a01", "{\"writeBack\":\"" + stored.id() + "\"}"),
                        message("6b0f2a52-3f0e-4d55-9d1b-2a8f4f0c1a02", "this is not a writeback message"))))
                .post().then().statusCode(200)
                .body("batchItemFailures", empty());

        assertThat(testing.stored(stored.id()).status()).isEqualTo(WriteBackStatus.DELIVERED);
        assertThat(testing.applied(stored.id())).hasSize(1);
        assertThat(metrics.counter("herald.queue.messages.dropped", "queue", "writeback").count() - dropped)
                .isEqualTo(1.0);
    }

    private static Map<String, Object> message(String id, String body) {
        return Map.of("messageId", id, "receiptHandle", "handle-" + id, "body", body, "eventSource", "aws:sqs",
                "eventSourceARN", "arn:aws:sqs:eu-central-1:123456789012:herald-writeback",
                "awsRegion", "eu-central-1", "attributes", Map.of("ApproximateReceiveCount", "1"));
    }
}
