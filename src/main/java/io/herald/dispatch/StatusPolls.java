package io.herald.dispatch;

import io.herald.metrics.HeraldMetrics;
import io.herald.notifier.SendFailure;
import io.herald.work.DispatchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Asking OpenText Notifications how deliveries went, the same way for a notification and for an announcement page:
 * a provider outage or a report Herald cannot read is asked again later, within the configured window from when
 * the message was sent; a permanent refusal is not asked again.
 */
@ApplicationScoped
class StatusPolls {

    private static final Logger LOG = Logger.getLogger(StatusPolls.class);

    /** One status call to the provider. */
    interface Call<T> {
        T ask() throws SendFailure;
    }

    private final HeraldMetrics metrics;
    private final DispatchConfig config;
    private final Clock clock;

    StatusPolls(HeraldMetrics metrics, DispatchConfig config, Clock clock) {
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param what names the message in logs, e.g. {@code notification n-1}
     * @param loop the work loop counted when Herald itself fails
     * @param askAgain queues the next check; called only when asking failed for a passing reason
     * @return the provider's answer; empty when there is none this time
     */
    <T> Optional<T> ask(String what, String loop, Call<T> call, Runnable askAgain) {
        try {
            return Optional.of(call.ask());
        } catch (SendFailure failure) {
            if (failure.retryable()) {
                askAgain.run();
            } else {
                LOG.warnf("delivery status of %s cannot be read (status %d); not asking again", what,
                        failure.status());
            }
        } catch (RuntimeException e) {
            // A fault of Herald's own (a report it cannot read) is asked again like a provider outage, within the
            // same window, rather than thrown back to the queue on every redelivery.
            metrics.workFailed(loop);
            LOG.errorf(e, "delivery status of %s could not be read; asking again later", what);
            askAgain.run();
        }
        return Optional.empty();
    }

    /** @return the delay of the next check of a message sent at {@code sentAt}; empty once the window has passed */
    Optional<Duration> nextCheck(Instant sentAt) {
        Duration since = Duration.between(sentAt, clock.instant());
        return since.compareTo(config.statusPollWindow()) < 0 ? Optional.of(config.statusPollDelay())
                : Optional.empty();
    }
}
