package io.herald.lambda;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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

    @Test
    void onlyTheFailedMessageOfABatchIsReportedForRedelivery() {
        given().contentType("application/json").body(Path.of("src/test/resources/aws/sqs-dispatch-batch.json").toFile())
                .post().then().statusCode(200)
                .body("batchItemFailures", hasSize(1))
                .body("batchItemFailures.itemIdentifier", contains("2e1424d4-f796-459a-8184-9c92662be6da"));
    }
}
