package io.herald.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Console sessions: after signing in with an API key, a browser holds a signed session cookie instead of the key.
 *
 * <pre>
 * herald.console.session.secret=...      (HERALD_CONSOLE_SESSION_SECRET, 32+ characters; signs the cookies)
 * herald.console.session.lifetime=PT8H   (how long a session lasts before signing in again)
 * </pre>
 */
@ConfigMapping(prefix = "herald.console.session")
public interface ConsoleSessionConfig {

    /** The HMAC key sessions are signed with; changing it ends every session. */
    Optional<String> secret();

    @WithDefault("PT8H")
    Duration lifetime();
}
