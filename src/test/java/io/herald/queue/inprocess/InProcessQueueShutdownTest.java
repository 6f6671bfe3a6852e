package io.herald.queue.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.queue.QueueConsumer;
import io.herald.queue.QueueSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the in-process queue does with its messages when the application stops. */
class InProcessQueueShutdownTest {

    private static final String QUEUE = "dispatch";
    private static final Map<String, QueueSpec> SPECS = Map.of(QUEUE, new QueueSpec(1, 3, false));

    private final List<String> happened = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private final QueueConsumer waitingConsumer = new QueueConsumer() {
        @Override
        public String queue() {
            return QUEUE;
        }

        @Override
        public void consume(String body) throws Exception {
            started.countDown();
            try {
                release.await();
                happened.add("consumed " + body);
            } catch (InterruptedException e) {
                happened.add("interrupted " + body);
                throw e;
            }
        }
    };

    @Test
    void stopWaitsForTheMessageInProgressToFinish() throws Exception {
        InProcessQueue queue = new InProcessQueue(List.of(waitingConsumer), SPECS, 2, Duration.ofSeconds(30));
        queue.send(QUEUE, "m1", Duration.ZERO);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        Thread stopping = new Thread(() -> {
            queue.stop();
            happened.add("stopped");
        });
        stopping.start();
        release.countDown();
        stopping.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(happened).containsExactly("consumed m1", "stopped");
    }

    @Test
    void messagesNotYetDueAreNeverDeliveredAfterStop() {
        InProcessQueue queue = new InProcessQueue(List.of(waitingConsumer), SPECS, 2, Duration.ofSeconds(30));
        release.countDown();
        queue.send(QUEUE, "later", Duration.ofHours(1));

        queue.stop();

        assertThat(started.getCount()).as("deliveries started").isEqualTo(1);
        assertThat(happened).isEmpty();
    }

    @Test
    void whatAMessageInProgressSendsWhileStoppingIsDroppedWithoutFailingIt() throws Exception {
        InProcessQueue[] queue = new InProcessQueue[1];
        QueueConsumer sendingOn = new QueueConsumer() {
            @Override
            public String queue() {
                return QUEUE;
            }

            @Override
            public void consume(String body) throws Exception {
                happened.add("consumed " + body);
                if (body.equals("m1")) {
                    started.countDown();
                    release.await();
                    queue[0].send(QUEUE, "follow-up", Duration.ZERO);
                    happened.add("sent follow-up");
                }
            }
        };
        queue[0] = new InProcessQueue(List.of(sendingOn), SPECS, 2, Duration.ofSeconds(30));
        queue[0].send(QUEUE, "m1", Duration.ZERO);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Thread stopping = new Thread(queue[0]::stop);
        stopping.start();
        while (!queue[0].stopping()) {
            Thread.onSpinWait();
        }

        release.countDown();
        stopping.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(queue[0].awaitStopped(Duration.ofSeconds(10))).isTrue();
        assertThat(happened).containsExactly("consumed m1", "sent follow-up");
        assertThat(queue[0].depth(QUEUE)).isZero();
    }

    @Test
    void dueMessagesNotYetStartedAreDroppedAtStop() throws Exception {
        InProcessQueue queue = new InProcessQueue(List.of(waitingConsumer), SPECS, 1, Duration.ofSeconds(30));
        queue.send(QUEUE, "m1", Duration.ZERO);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        queue.send(QUEUE, "m2", Duration.ZERO);
        queue.send(QUEUE, "m3", Duration.ZERO);
        Thread stopping = new Thread(queue::stop);
        stopping.start();
        while (!queue.stopping()) {
            Thread.onSpinWait();
        }

        release.countDown();
        stopping.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(queue.awaitStopped(Duration.ofSeconds(10))).isTrue();
        assertThat(happened).containsExactly("consumed m1");
        assertThat(queue.depth(QUEUE)).isZero();
    }

    @Test
    void aMessageOutlastingTheDrainTimeIsLeftToFinishUninterrupted() throws Exception {
        InProcessQueue queue = new InProcessQueue(List.of(waitingConsumer), SPECS, 2, Duration.ofMillis(200));
        queue.send(QUEUE, "slow", Duration.ZERO);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        queue.stop();
        assertThat(happened).as("before the message is released").isEmpty();
        release.countDown();

        assertThat(queue.awaitStopped(Duration.ofSeconds(10))).isTrue();
        assertThat(happened).containsExactly("consumed slow");
    }
}
