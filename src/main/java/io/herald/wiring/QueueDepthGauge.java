package io.herald.wiring;

import io.herald.queue.WorkQueue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Exports {@code herald_queue_depth} for the dispatch queue, whichever queue adapter is in use. */
@ApplicationScoped
class QueueDepthGauge {

    void register(@Observes StartupEvent startup, MeterRegistry registry, WorkQueue queue) {
        Gauge.builder("herald.queue.depth", queue, q -> q.depth("dispatch"))
                .description("Messages waiting on the queue, delayed retries included")
                .tag("queue", "dispatch")
                .register(registry);
    }
}
