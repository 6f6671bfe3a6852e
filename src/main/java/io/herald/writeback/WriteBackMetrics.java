package io.herald.writeback;

import io.herald.queue.WorkQueue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Meters of the write-back function, exported at {@code /q/metrics} beside Herald's others. */
@ApplicationScoped
public class WriteBackMetrics {

    private final MeterRegistry registry;
    private final WorkQueue queue;

    public WriteBackMetrics(MeterRegistry registry, WorkQueue queue) {
        this.registry = registry;
        this.queue = queue;
    }

    void registerGauges(@Observes StartupEvent startup) {
        Gauge.builder("herald.queue.depth", queue, q -> q.depth(WriteBackMessage.QUEUE))
                .description("Messages waiting on the queue, delayed retries included")
                .tag("queue", WriteBackMessage.QUEUE)
                .register(registry);
    }

    /** @param outcome delivered, retry, dead */
    public void attempted(String outcome) {
        registry.counter("herald.writebacks", "outcome", outcome).increment();
    }
}
