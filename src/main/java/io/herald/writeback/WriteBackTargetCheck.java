package io.herald.writeback;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * With the simulators switched off, a write-back URL that still points at the simulator means xConnector's
 * endpoint was never configured: say so loudly at start-up rather than let every write-back fail for a day.
 */
@ApplicationScoped
public class WriteBackTargetCheck {

    private static final Logger LOG = Logger.getLogger(WriteBackTargetCheck.class);

    void onStart(@Observes StartupEvent startup, WriteBackConfig config,
            @ConfigProperty(name = "herald.simulators.enabled") boolean simulators) {
        if (!simulators && config.url().contains("/sim/")) {
            LOG.error("simulators are disabled but herald.writeback.url still points at the xConnector simulator; "
                    + "set HERALD_WRITEBACK_URL and HERALD_WRITEBACK_SECRET");
        }
    }
}
