package io.herald.simulator;

import io.herald.notifier.opentext.OpenTextConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * With the simulators switched off, OpenText URLs that still point at them mean the real endpoints were never
 * configured: say so loudly at start-up rather than let every notification fail.
 */
@ApplicationScoped
public class SimulatorTargetCheck {

    private static final Logger LOG = Logger.getLogger(SimulatorTargetCheck.class);

    void onStart(@Observes StartupEvent startup, OpenTextConfig openText,
            @ConfigProperty(name = "herald.simulators.enabled") boolean simulators) {
        if (simulators) {
            LOG.warn("the OpenText Notifications and xConnector simulators are enabled (local mode); "
                    + "set HERALD_SIMULATORS=false in production");
            return;
        }
        if (Stream.of(openText.authUrl(), openText.messagingUrl(), openText.gatewayUrl())
                .anyMatch(url -> url.contains("/sim/"))) {
            LOG.error("simulators are disabled but an OpenText Notifications URL still points at them; set "
                    + "HERALD_OPENTEXT_AUTH_URL, HERALD_OPENTEXT_MESSAGING_URL and HERALD_OPENTEXT_GATEWAY_URL");
        }
    }
}
