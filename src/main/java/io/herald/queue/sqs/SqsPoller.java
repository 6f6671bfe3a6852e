package io.herald.queue.sqs;

import io.herald.queue.QueueConsumer;
import io.herald.queue.QueueDeclarations;
import io.herald.queue.QueueSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Does outside Lambda what Lambda's event source mappings do: every queue of {@code functions.yaml} is
 * long-polled by its own threads, which hand each batch to the queue's consumer and delete what succeeded (see
 * {@link PolledQueue}).
 */
public final class SqsPoller {

    private static final Logger LOG = Logger.getLogger(SqsPoller.class);

    /** SQS's longest wait; fewer, fuller receives for the same promptness. */
    static final int LONG_POLL_SECONDS = 20;
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    private static final Duration LONGEST_VISIBILITY_TIMEOUT = Duration.ofHours(12);

    private final List<PolledQueue> queues = new ArrayList<>();
    private final int threadsPerQueue;
    private final int waitSeconds;
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    // Processing a batch holds the read lock; stop() takes the write lock to wait for every batch in hand.
    private final ReadWriteLock batchesInHand = new ReentrantReadWriteLock();

    /**
     * @param consumers the consumers of every queue of {@code manifest}
     * @param visibilityTimeout how long a received message stays hidden; whole seconds, at most 12 hours
     * @param threadsPerQueue threads receiving from each queue
     * @throws IllegalArgumentException when a queue has no consumer or a setting is out of range
     */
    public SqsPoller(SqsClient sqs, SqsQueueUrls urls, Iterable<QueueConsumer> consumers, QueueDeclarations manifest,
            Duration visibilityTimeout, int threadsPerQueue) {
        this(sqs, urls, consumers, manifest, visibilityTimeout, threadsPerQueue, LONG_POLL_SECONDS);
    }

    SqsPoller(SqsClient sqs, SqsQueueUrls urls, Iterable<QueueConsumer> consumers, QueueDeclarations manifest,
            Duration visibilityTimeout, int threadsPerQueue, int waitSeconds) {
        if (visibilityTimeout.isNegative() || visibilityTimeout.compareTo(LONGEST_VISIBILITY_TIMEOUT) > 0
                || visibilityTimeout.toNanosPart() != 0) {
            throw new IllegalArgumentException("herald.queue.sqs.visibility-timeout must be whole seconds from 0 to "
                    + "12 hours, not " + visibilityTimeout);
        }
        if (threadsPerQueue < 1) {
            throw new IllegalArgumentException("herald.queue.sqs.poller-threads must be at least 1, not "
                    + threadsPerQueue);
        }
        Map<String, QueueConsumer> byQueue = new HashMap<>();
        consumers.forEach(consumer -> byQueue.put(consumer.queue(), consumer));
        for (Map.Entry<String, QueueSpec> queue : manifest.queues().entrySet()) {
            QueueConsumer consumer = byQueue.get(queue.getKey());
            if (consumer == null) {
                throw new IllegalArgumentException("queue '" + queue.getKey() + "' of functions.yaml has no consumer");
            }
            queues.add(new PolledQueue(sqs, urls, consumer, queue.getValue().batchSize(),
                    (int) visibilityTimeout.toSeconds()));
        }
        this.threadsPerQueue = threadsPerQueue;
        this.waitSeconds = waitSeconds;
    }

    /** Starts the threads; call once. */
    public synchronized void start() {
        if (!threads.isEmpty()) {
            throw new IllegalStateException("the SQS poller has already been started");
        }
        for (PolledQueue queue : queues) {
            for (int i = 1; i <= threadsPerQueue; i++) {
                Thread thread = new Thread(() -> work(queue), "herald-sqs-" + queue.name() + "-" + i);
                // A thread left waiting in a long poll at shutdown must not keep the JVM alive.
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }
        LOG.infof("polling SQS queue(s) %s with %d thread(s) each",
                queues.stream().map(PolledQueue::name).toList(), threadsPerQueue);
    }

    /**
     * Stops taking messages and waits up to {@code grace} for the batches in hand to be processed and deleted.
     * Threads waiting in a long poll are not waited for: what their poll brings is released to other receivers
     * unprocessed, and they end. No batch is started after this call.
     *
     * @return whether every batch in hand was finished within {@code grace}
     */
    public boolean stop(Duration grace) {
        stopping.countDown();
        Lock all = batchesInHand.writeLock();
        try {
            if (all.tryLock(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                all.unlock();
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warn("SQS poller stopped with batches still being processed; their unfinished messages show up again "
                + "after the visibility timeout");
        return false;
    }

    /** Waits up to {@code timeout} for every poller thread to end; whether they all did. */
    boolean awaitThreads(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Thread> started;
        synchronized (this) {
            started = List.copyOf(threads);
        }
        for (Thread thread : started) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private boolean stopped() {
        return stopping.getCount() == 0;
    }

    private void work(PolledQueue queue) {
        Duration pause = FIRST_PAUSE;
        while (!stopped() && !Thread.currentThread().isInterrupted()) {
            List<Message> batch;
            try {
                batch = queue.receive(waitSeconds);
                pause = FIRST_PAUSE;
            } catch (RuntimeException e) {
                if (stopped()) {
                    break;
                }
                LOG.warnf("cannot receive from SQS queue %s (%s); trying again in %d s", queue.name(), e.toString(),
                        pause.toSeconds());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
                continue;
            }
            handle(queue, batch);
        }
    }

    private void handle(PolledQueue queue, List<Message> batch) {
        Lock inHand = batchesInHand.readLock();
        inHand.lock();
        try {
            if (stopped()) {
                queue.release(batch);
            } else {
                queue.process(batch);
            }
        } catch (RuntimeException e) {
            LOG.warnf("batch of SQS queue %s not finished (%s); its unfinished messages show up again after the "
                    + "visibility timeout", queue.name(), e.toString());
        } finally {
            inHand.unlock();
        }
    }

    private void sleep(Duration pause) {
        try {
            stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // Nothing here interrupts poller threads; whoever did wants this one to end.
            Thread.currentThread().interrupt();
        }
    }
}
