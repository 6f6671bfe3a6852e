package io.herald.links;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "herald.callback.tokens")
public interface ActionTokenConfig {

    /** The key new links are signed with. */
    String activeKey();

    /**
     * Signing keys by id. Rotation: add a new key, make it active, and remove the old one once its links have
     * expired; links signed with a removed key are refused.
     */
    Map<String, Key> keys();

    /** How long an action link stays valid. */
    @WithDefault("P7D")
    Duration lifetime();

    interface Key {

        /**
         * At least 32 characters. Never logged. Absent only in functions that neither issue nor verify action links;
         * production start-up refuses to run one that does without it.
         */
        Optional<String> secret();
    }
}
