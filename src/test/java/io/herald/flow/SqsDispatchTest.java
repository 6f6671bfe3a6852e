package io.herald.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.queue.WorkQueue;
import io.herald.queue.inprocess.InProcessQueue;
import io.herald.queue.sqs.SqsQueue;
import io.herald.support.Beans;
import io.herald.support.ElasticMqResource;
import io.herald.support.Herald;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Herald as on a server with SQS: intake sends to the SQS dispatch queue, the poller feeds dispatch. */
@QuarkusTest
@TestProfile(SqsDispatchTest.OverSqs.class)
class SqsDispatchTest {

    public static class OverSqs implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "herald.queue.kind", "sqs",
                    "herald.queue.sqs.poll", "true",
                    "herald.queue.sqs.visibility-timeout",
                    "PT" + ElasticMqResource.VISIBILITY_TIMEOUT_SECONDS + "S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ElasticMqResource.class));
        }
    }

    @Inject
    WorkQueue queue;

    @Test
    void eventPostedToIntakeIsDispatchedThroughSqs() {
        ObjectNode event = Herald.sample("integration-job-failed");
        String id = event.get("id").asText();

        Herald.post(event).then().statusCode(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> !Herald.submissionsFor(id).isEmpty());
        assertThat(ClientProxy.unwrap(queue)).isInstanceOf(SqsQueue.class);
        assertThat(Beans.created(InProcessQueue.class)).as("in-process queue built").isFalse();
        // Delivery status checks go through SQS too; once they are done the queue is empty again.
        Herald.awaitIdle();
        assertThat(waiting("herald-dispatch-dlq")).isZero();
    }

    private static long waiting(String sqsQueue) {
        String url = ElasticMqResource.client().getQueueUrl(r -> r.queueName(sqsQueue)).queueUrl();
        return Long.parseLong(ElasticMqResource.client().getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }
}
