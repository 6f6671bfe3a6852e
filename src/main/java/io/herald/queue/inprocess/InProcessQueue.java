package io.herald.queue.inprocess;

import io.herald.queue.QueueConsumer;
import io.herald.queue.QueueDeclarations;
import io.herald.queue.QueueSpec;
import io.herald.queue.WorkQueue;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The queue of local mode: messages live in memory and are handed to the queue's consumer on a pool of worker
 * threads ({@code herald.queue.workers}, by default 32 per core). Like SQS, a message whose consumer throws is delivered again, up to the queue's
 * {@code max_receive_count}; after that it is dropped with an error log. Nothing is lost by dropping it or by a
 * restart, because the work itself is in the store and is picked up again from there.
 *
 * <p>At shutdown, before the application's beans go, messages not yet started are dropped, due ones included, and
 * the ones in progress get up to {@link #DRAIN_TIME} to finish. Shutdown then goes on without waiting longer, but
 * their threads are not interrupted: an interrupt that reaches a thread writing to an H2 store closes the store's
 * file channel, and with it the store for every thread. What they send meanwhile is dropped too, as a stop just
 * after their work was stored would: start-up recovery and the sweep find that work again.
 *
 * <p>Typed to its class only: the application's {@link WorkQueue} is the one {@code herald.queue.kind} selects
 * (see {@link io.herald.wiring.WorkQueueProducer}).
 */
@ApplicationScoped
@Typed(InProcessQueue.class)
public class InProcessQueue implements WorkQueue {

    private static final Logger LOG = Logger.getLogger(InProcessQueue.class);
    private static final Duration MAX_REDELIVERY_DELAY = Duration.ofSeconds(30);
    static final int WORKERS_PER_CORE = 32;
    static final Duration DRAIN_TIME = Duration.ofSeconds(10);

    private final Map<String, QueueConsumer> consumers = new HashMap<>();
    private final Map<String, QueueSpec> specs;
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor workers;
    private final Duration drainTime;

    @Inject
    InProcessQueue(Instance<QueueConsumer> beans, QueueDeclarations manifest,
            @ConfigProperty(name = "herald.queue.workers") Optional<Integer> configuredWorkers) {
        this(beans, manifest.queues(), workers(configuredWorkers, Runtime.getRuntime().availableProcessors()),
                DRAIN_TIME);
    }

    InProcessQueue(Iterable<QueueConsumer> beans, Map<String, QueueSpec> specs, int workerCount, Duration drainTime) {
        beans.forEach(c -> consumers.put(c.queue(), c));
        this.specs = specs;
        this.drainTime = drainTime;
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ScheduledThreadPoolExecutor(workerCount, r -> {
            Thread t = new Thread(r, "herald-queue-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.workers.setRemoveOnCancelPolicy(true);
        this.workers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * The worker threads: as configured, or {@value #WORKERS_PER_CORE} per core. A message spends most of its time
     * waiting (for the provider's answer, for the commit of its notification's change), and the changes of the
     * messages in flight share commits ({@link io.herald.store.jdbc.JdbcStore}): the more messages in flight, the
     * fewer commits each costs. With a few threads per core dispatch fell behind intake, whose request threads,
     * as many as there are requests in flight, compete for the same cores.
     */
    static int workers(Optional<Integer> configured, int cores) {
        if (configured.isPresent()) {
            if (configured.get() < 1) {
                throw new IllegalArgumentException("herald.queue.workers must be at least 1, not " + configured.get());
            }
            return configured.get();
        }
        return WORKERS_PER_CORE * cores;
    }

    @Override
    public void send(String queue, String body, Duration delay) {
        QueueConsumer consumer = consumers.get(queue);
        if (consumer == null || !specs.containsKey(queue)) {
            throw new IllegalArgumentException("no queue '" + queue + "' with a consumer in functions.yaml");
        }
        AtomicLong depth = depths.computeIfAbsent(queue, q -> new AtomicLong());
        depth.incrementAndGet();
        if (!schedule(consumer, body, 1, delay)) {
            depth.decrementAndGet();
            LOG.debugf("message on queue %s dropped: stopping; its work stays in the store", queue);
        }
    }

    @Override
    public long depth(String queue) {
        AtomicLong depth = depths.get(queue);
        return depth == null ? 0 : depth.get();
    }

    /** False once the queue is stopping: no message is taken then. */
    private boolean schedule(QueueConsumer consumer, String body, int receiveCount, Duration delay) {
        try {
            workers.schedule(() -> deliver(consumer, body, receiveCount), Math.max(0, delay.toMillis()),
                    TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException stopping) {
            return false;
        }
    }

    private void deliver(QueueConsumer consumer, String body, int receiveCount) {
        if (stopping()) {
            // The executor still runs the tasks that were due when it was shut down; a backlog would hold up the stop.
            leftQueue(consumer);
            return;
        }
        try {
            consumer.consume(body);
            leftQueue(consumer);
        } catch (Exception e) {
            int maxReceives = Math.max(1, specs.get(consumer.queue()).maxReceiveCount());
            if (receiveCount >= maxReceives) {
                leftQueue(consumer);
                LOG.errorf(e, "message on queue %s failed %d times and is dropped; its work stays in the store",
                        consumer.queue(), receiveCount);
                return;
            }
            Duration wait = Duration.ofSeconds(1L << Math.min(receiveCount, 5));
            if (!schedule(consumer, body, receiveCount + 1, wait.compareTo(MAX_REDELIVERY_DELAY) > 0
                    ? MAX_REDELIVERY_DELAY : wait)) {
                leftQueue(consumer);
                LOG.infof("message on queue %s failed during shutdown (%s); its work stays in the store",
                        consumer.queue(), e.toString());
                return;
            }
            LOG.warnf("message on queue %s failed (%s); delivering again in %s s", consumer.queue(), e.toString(),
                    wait.toSeconds());
        }
    }

    /** A message is off the queue's depth once consumed, dropped, or not redelivered. */
    private void leftQueue(QueueConsumer consumer) {
        depths.get(consumer.queue()).decrementAndGet();
    }

    void drain(@Observes ShutdownEvent event) {
        stop();
    }

    void stop() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(drainTime.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%d messages were still in progress %d s into shutdown; shutdown goes on without them, and "
                        + "their work stays in the store", workers.getActiveCount(), drainTime.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean stopping() {
        return workers.isShutdown();
    }

    boolean awaitStopped(Duration timeout) throws InterruptedException {
        return workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
