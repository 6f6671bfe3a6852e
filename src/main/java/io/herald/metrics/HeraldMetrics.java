package io.herald.metrics;

import io.herald.domain.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Herald's own meters, exported with everything else at {@code /q/metrics}. */
@ApplicationScoped
public class HeraldMetrics {

    private final MeterRegistry registry;

    public HeraldMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One item of a background loop failed and was left for a later run. */
    public void workFailed(String loop) {
        registry.counter("herald.work.failures", "loop", loop).increment();
    }

    /** A queue message that could never be processed was dropped instead of delivered again. */
    public void messageDropped(String queue) {
        registry.counter("herald.queue.messages.dropped", "queue", queue).increment();
    }

    /** @param outcome accepted, duplicate */
    public void eventReceived(String outcome) {
        registry.counter("herald.events.received", "outcome", outcome).increment();
    }

    /** @param outcome routed, unrouted; failed (one attempt failed), given-up (routing parked after the last) */
    public void eventRouted(String outcome) {
        registry.counter("herald.events.routed", "outcome", outcome).increment();
    }

    public void notificationSent(Channel channel, Duration latency) {
        registry.counter("herald.notifications.sent", "channel", channel.id()).increment();
        Timer.builder("herald.notifications.send.latency")
                .description("Time OpenText Notifications took to accept a message")
                .tag("channel", channel.id())
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry)
                .record(latency);
    }

    /** @param reason retry, dead */
    public void notificationFailed(Channel channel, String reason) {
        registry.counter("herald.notifications.failed", "channel", channel.id(), "reason", reason).increment();
    }

    /** One sla-sweep ran to its end, whatever it found. */
    public void sweepFinished(Duration took) {
        Timer.builder("herald.sla.sweep")
                .description("Time one sla-sweep took: due checkpoints, due groups and stuck work")
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(took);
    }

    /** @param outcome delivered, failed */
    public void notificationDelivered(Channel channel, String outcome) {
        notificationsDelivered(channel, outcome, 1);
    }

    /** Like {@link #notificationDelivered}, for {@code count} deliveries reported at once. */
    public void notificationsDelivered(Channel channel, String outcome, long count) {
        if (count == 0) {
            return;
        }
        registry.counter("herald.notifications.delivery", "channel", channel.id(), "outcome", outcome).increment(count);
    }
}
