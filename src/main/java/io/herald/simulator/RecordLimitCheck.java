package io.herald.simulator;

import io.herald.config.RunMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start local mode with a record limit the simulators cannot keep, rather than failing their first
 * request. Production serves no simulator, so there the setting is not looked at.
 */
@ApplicationScoped
class RecordLimitCheck {

    void onStart(@Observes StartupEvent startup, RunMode mode,
            @ConfigProperty(name = RecentRecord.LIMIT_SETTING, defaultValue = "" + RecentRecord.DEFAULT_LIMIT)
            int limit) {
        if (mode.local()) {
            RecentRecord.requireValidLimit(limit);
        }
    }
}
