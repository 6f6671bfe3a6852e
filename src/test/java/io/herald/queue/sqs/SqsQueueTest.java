package io.herald.queue.sqs;

import static io.herald.queue.sqs.SqsTestQueues.QUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.support.ElasticMq;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Sending to SQS and asking it how many messages wait, against ElasticMQ. */
class SqsQueueTest {

    @RegisterExtension
    static final ElasticMq SQS = new ElasticMq();

    private final SqsTestQueues.Calls calls = new SqsTestQueues.Calls();
    private SqsClient client;
    private String prefix;
    private String url;
    private SqsQueue queue;

    @BeforeEach
    void queueOfItsOwn() {
        client = SQS.clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(calls)).build();
        prefix = SqsTestQueues.freshPrefix();
        url = SQS.createQueueWithDlq(prefix + QUEUE, 30, SqsTestQueues.MAX_RECEIVE_COUNT);
        queue = new SqsQueue(client, new SqsQueueUrls(client, prefix, Map.of()), SqsTestQueues.manifest());
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void messageWithoutDelayCanBeReceivedAtOnce() {
        queue.send(QUEUE, "{\"notification\":\"n-1\"}");

        assertThat(receive(0)).extracting(Message::body).containsExactly("{\"notification\":\"n-1\"}");
    }

    @Test
    void delayedMessageArrivesOnlyAfterItsDelay() {
        long sent = System.nanoTime();
        queue.send(QUEUE, "later", Duration.ofSeconds(2));

        assertThat(receive(0)).isEmpty();
        List<Message> received = receive(5);
        assertThat(received).extracting(Message::body).containsExactly("later");
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void depthCountsVisibleDelayedAndInFlightMessages() {
        assertThat(queue.depth(QUEUE)).isZero();
        queue.send(QUEUE, "in flight");
        assertThat(receive(0)).hasSize(1);
        queue.send(QUEUE, "visible");
        queue.send(QUEUE, "delayed", Duration.ofMinutes(1));

        assertThat(queue.depth(QUEUE)).isEqualTo(3);
    }

    @Test
    void depthIsMinusOneWhenSqsCannotTell() {
        SqsQueue missing = new SqsQueue(client, new SqsQueueUrls(client, "no-such-", Map.of()),
                SqsTestQueues.manifest());

        assertThat(missing.depth(QUEUE)).isEqualTo(-1);
        assertThat(queue.depth("undeclared")).isEqualTo(-1);
    }

    @Test
    void delaysBeyondFifteenMinutesAreCutToFifteenMinutes() {
        queue.send(QUEUE, "much later", Duration.ofHours(2));

        assertThat(calls.requests(SendMessageRequest.class)).extracting(SendMessageRequest::delaySeconds)
                .containsExactly(900);
        assertThat(queue.depth(QUEUE)).isEqualTo(1);
        assertThat(receive(0)).isEmpty();
    }

    @Test
    void partSecondsAreRoundedUpSoThatNoMessageArrivesEarly() {
        queue.send(QUEUE, "soon", Duration.ofMillis(1200));

        assertThat(calls.requests(SendMessageRequest.class)).extracting(SendMessageRequest::delaySeconds)
                .containsExactly(2);
        assertThat(SqsQueue.delaySeconds(Duration.ZERO)).isZero();
        assertThat(SqsQueue.delaySeconds(Duration.ofMillis(-5))).isZero();
        assertThat(SqsQueue.delaySeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(SqsQueue.delaySeconds(Duration.ofSeconds(3))).isEqualTo(3);
        assertThat(SqsQueue.delaySeconds(Duration.ofMillis(899_001))).isEqualTo(900);
        assertThat(SqsQueue.delaySeconds(Duration.ofMillis(900_001))).isEqualTo(900);
    }

    @Test
    void sendingToAQueueNotInFunctionsYamlIsRefused() {
        assertThatThrownBy(() -> queue.send("undeclared", "x", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("undeclared");
        assertThat(calls.requests).isEmpty();
    }

    private List<Message> receive(int waitSeconds) {
        return SQS.client().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds))
                .messages();
    }
}
