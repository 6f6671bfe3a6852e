package io.herald.work;

import io.herald.outbox.RetryPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "herald.dispatch")
public interface DispatchConfig {

    /** Wait before the first retry; each further retry waits up to twice as long (with jitter). */
    @WithDefault("PT2S")
    Duration initialBackoff();

    @WithDefault("PT5M")
    Duration maxBackoff();

    /** Attempts before a notification is given up and alerted. */
    @WithDefault("30")
    int maxAttempts();

    /** Age after which a notification that still fails is given up, whatever its attempt count. */
    @WithDefault("PT24H")
    Duration giveUpAfter();

    /** How long a dispatcher owns a notification it is sending; longer than any provider call may take. */
    @WithDefault("PT2M")
    Duration lease();

    /** How notifications and announcement pages are retried, from the settings above. */
    default RetryPolicy retryPolicy() {
        return new RetryPolicy(initialBackoff(), maxBackoff(), maxAttempts(), giveUpAfter(), lease());
    }

    /** Wait after sending (and between checks) before asking the provider how delivery went. */
    @WithDefault("PT15S")
    Duration statusPollDelay();

    /** Stop asking about delivery after this long; the notification stays SENT. */
    @WithDefault("PT2H")
    Duration statusPollWindow();

    /** Who is told when Herald cannot deliver a notification. */
    Alerts alerts();

    interface Alerts {

        /** Directory group that receives integration-failure alerts. */
        @WithDefault("ops")
        String group();

        @WithDefault("email")
        List<String> channels();

        @WithDefault("integration-failure")
        String template();
    }
}
