package io.herald.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dispatch Lambda handler, fed an SQS batch through the Lambda mock event server. */
@QuarkusTest
@TestProfile(DispatchLambdaTest.DispatchHandler.class)
class DispatchLambdaTest {

    public static class DispatchHandler implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "dispatch");
        }
    }

    @Inject
    MeterRegistry metrics;

    /** The batch holds one message naming an unknown notification (done: nothing to send) and one unreadable. */
    @Test
    void unreadableMessageOfABatchIsDroppedAndCountedNotRedelivered() {
        double dropped = droppedSoFar();

        given().contentType("application/json").body(Path.of("src/test/resources/aws/sqs-dispatch-batch.json").toFile())
                .post().then().statusCode(200)
                .body("batchItemFailures", empty());

        assertThat(droppedSoFar() - dropped).isEqualTo(1.0);
    }

    private double droppedSoFar() {
        return metrics.counter("herald.queue.messages.dropped", "queue", "dispatch").count();
    }
}
