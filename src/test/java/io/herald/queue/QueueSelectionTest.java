package io.herald.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.queue.inprocess.InProcessQueue;
import io.herald.queue.sqs.SqsQueue;
import io.herald.support.Beans;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Without {@code herald.queue.kind}, Herald queues in memory and builds nothing of SQS. */
@QuarkusTest
class QueueSelectionTest {

    @Inject
    WorkQueue queue;

    @Test
    void inProcessQueueByDefaultAndNoSqsClient() {
        assertThat(ClientProxy.unwrap(ClientProxy.unwrap(queue))).isInstanceOf(InProcessQueue.class);
        assertThat(Beans.created(SqsClient.class)).as("SQS client built").isFalse();
        assertThat(Beans.created(SqsQueue.class)).as("SQS queue built").isFalse();
    }
}
