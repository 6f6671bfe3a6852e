package io.herald.queue.sqs;

import static io.herald.queue.sqs.SqsTestQueues.QUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.queue.QueueConsumer;
import io.herald.support.ElasticMq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * The poller against ElasticMQ, on a queue whose redrive policy moves a message to the dead-letter queue after
 * {@value SqsTestQueues#MAX_RECEIVE_COUNT} receives.
 */
class SqsPollerTest {

    @RegisterExtension
    static final ElasticMq SQS = new ElasticMq();

    private static final Duration VISIBILITY = Duration.ofSeconds(1);
    /** Short long polls, so that every test's poller threads end soon after it. */
    private static final int SHORT_POLL_SECONDS = 1;

    private final SqsTestQueues.Calls calls = new SqsTestQueues.Calls();
    private final List<String> consumed = Collections.synchronizedList(new ArrayList<>());
    private SqsClient client;
    private String prefix;
    private SqsPoller poller;

    @BeforeEach
    void recordingClient() {
        client = SQS.clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(calls)).build();
        prefix = SqsTestQueues.freshPrefix();
    }

    @AfterEach
    void stopPoller() throws InterruptedException {
        if (poller != null) {
            poller.stop(Duration.ofSeconds(5));
            poller.awaitThreads(Duration.ofSeconds(25));
        }
        client.close();
    }

    @Test
    void onlyTheFailedMessageOfABatchIsDeliveredAgainAndOnlyAfterTheVisibilityTimeout() {
        String url = createQueue();
        for (int i = 0; i < 10; i++) {
            send(url, "m" + i);
        }
        List<Long> deliveries = Collections.synchronizedList(new ArrayList<>());
        List<Long> m3Deliveries = Collections.synchronizedList(new ArrayList<>());
        start(consumer(body -> {
            deliveries.add(System.nanoTime());
            if (body.equals("m3")) {
                m3Deliveries.add(System.nanoTime());
                return m3Deliveries.size() > 1;
            }
            return true;
        }), VISIBILITY, SHORT_POLL_SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> m3Deliveries.size() == 2);
        // The timeout runs from the receive, a little before the first message was handed over; allow for a slow
        // machine, while still telling the timeout from an immediate redelivery.
        assertThat(Duration.ofNanos(m3Deliveries.get(1) - deliveries.get(0)))
                .isGreaterThanOrEqualTo(VISIBILITY.dividedBy(2));
        assertThat(calls.responses(ReceiveMessageResponse.class).stream().filter(ReceiveMessageResponse::hasMessages)
                .findFirst().orElseThrow().messages()).as("first batch").hasSize(10);
        await().atMost(Duration.ofSeconds(5)).until(() -> depth(url) == 0);
        // Anything not deleted would show up again within the visibility timeout.
        sleep(VISIBILITY.multipliedBy(2).plusMillis(500));
        assertThat(consumed).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m3", "m4", "m5", "m6", "m7", "m8",
                "m9");
        assertThat(depth(url + "-dlq")).isZero();
    }

    @Test
    void aMessageThatKeepsFailingEndsInTheDeadLetterQueueAfterTheAllowedReceives() {
        String url = createQueue();
        send(url, "poison");
        start(consumer(body -> false), VISIBILITY, SHORT_POLL_SECONDS);

        List<Message> deadLetters = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            deadLetters.addAll(SQS.client().receiveMessage(r -> r.queueUrl(url + "-dlq").waitTimeSeconds(1))
                    .messages());
            return !deadLetters.isEmpty();
        });

        assertThat(deadLetters).extracting(Message::body).containsExactly("poison");
        assertThat(consumed).containsExactly("poison", "poison");
        assertThat(depth(url)).isZero();
    }

    @Test
    void receivingGoesOnOnceSqsAnswersAgain() {
        start(consumer(body -> true), VISIBILITY, SHORT_POLL_SECONDS);
        sleep(Duration.ofMillis(500));
        String url = createQueue();

        send(url, "after a while");

        await().atMost(Duration.ofSeconds(15)).until(() -> consumed.contains("after a while"));
        await().atMost(Duration.ofSeconds(5)).until(() -> depth(url) == 0);
    }

    @Test
    void stopWaitsForTheBatchInHandAndThenTakesNoMore() throws Exception {
        String url = createQueue();
        CountDownLatch inHand = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        start(consumer(body -> {
            inHand.countDown();
            return awaitLatch(finish);
        }), Duration.ofSeconds(30), SHORT_POLL_SECONDS);
        send(url, "slow");
        assertThat(inHand.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> poller.stop(Duration.ofSeconds(10)));
        sleep(Duration.ofMillis(500));
        assertThat(stopped).as("stop waits for the batch in hand").isNotDone();
        finish.countDown();

        assertThat(stopped.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(depth(url)).as("the finished message is deleted").isZero();
        assertThat(poller.awaitThreads(Duration.ofSeconds(5))).as("threads ended").isTrue();
        send(url, "after stop");
        sleep(Duration.ofSeconds(1));
        assertThat(consumed).containsExactly("slow");
        assertThat(depth(url)).isEqualTo(1);
    }

    @Test
    void stopDoesNotWaitForAnIdleLongPollAndWhatItBringsIsReleasedUnprocessed() throws Exception {
        String url = createQueue();
        start(consumer(body -> true), Duration.ofSeconds(30), SqsPoller.LONG_POLL_SECONDS);
        sleep(Duration.ofMillis(500));

        long stopping = System.nanoTime();
        assertThat(poller.stop(Duration.ofSeconds(10))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(1));

        send(url, "after stop");
        assertThat(poller.awaitThreads(Duration.ofSeconds(5))).as("threads ended").isTrue();
        assertThat(consumed).isEmpty();
        assertThat(SQS.client().receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(0)).messages())
                .as("visible again at once, not after the 30 s visibility timeout").extracting(Message::body)
                .containsExactly("after stop");
    }

    private String createQueue() {
        return SQS.createQueueWithDlq(prefix + QUEUE, (int) VISIBILITY.toSeconds(),
                SqsTestQueues.MAX_RECEIVE_COUNT);
    }

    private void start(QueueConsumer consumer, Duration visibility, int waitSeconds) {
        poller = new SqsPoller(client, new SqsQueueUrls(client, prefix, Map.of()), List.of(consumer),
                SqsTestQueues.manifest(), visibility, 1, waitSeconds);
        poller.start();
    }

    /** A dispatch consumer that records each body and fails when {@code succeeds} says so. */
    private QueueConsumer consumer(Predicate<String> succeeds) {
        return new QueueConsumer() {
            @Override
            public String queue() {
                return QUEUE;
            }

            @Override
            public void consume(String body) {
                consumed.add(body);
                if (!succeeds.test(body)) {
                    throw new IllegalStateException("test consumer fails " + body);
                }
            }
        };
    }

    private static void send(String url, String body) {
        SQS.client().sendMessage(r -> r.queueUrl(url).messageBody(body));
    }

    private static long depth(String url) {
        return new SqsQueue(SQS.client(), new SqsQueueUrls(SQS.client(), "", Map.of(QUEUE, url)),
                SqsTestQueues.manifest()).depth(QUEUE);
    }

    private static boolean awaitLatch(CountDownLatch latch) {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
