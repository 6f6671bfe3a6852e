package io.herald.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "herald.intake")
public interface IntakeConfig {

    /** How far a signed timestamp may be from now, either way, before the request is refused as a replay. */
    @WithDefault("PT5M")
    Duration replayWindow();

    /** Largest accepted event (a structured or binary request, or one event of a batch), in bytes. */
    @WithDefault("262144")
    int maxEventBytes();

    /** Most events in one batch request. */
    @WithDefault("100")
    int maxBatchEvents();

    /** Senders allowed to post events, by the id they name in {@code X-Herald-Sender}. */
    Map<String, Sender> senders();

    interface Sender {

        /**
         * The shared HMAC secret. Never logged. Absent only in functions that take no events; production start-up
         * refuses to run intake without it.
         */
        Optional<String> secret();

        /** A second secret accepted during rotation; remove it once the sender has switched. */
        Optional<String> previousSecret();

        /** Prefixes of the CloudEvents {@code source} this sender may speak for; any source when empty. */
        Optional<List<String>> sources();
    }
}
