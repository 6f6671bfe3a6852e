package io.herald.sla;

import io.herald.directory.Directory;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the SLA policies named by {@code herald.sla.file} once, checked against the directory in use. The rules
 * need them, and the router is created at start-up, so a bad policy file stops the application.
 */
@Dependent
public class SlaConfiguration {

    private static final Logger LOG = Logger.getLogger(SlaConfiguration.class);

    @Produces
    @Singleton
    SlaPolicies policies(@ConfigProperty(name = "herald.sla.file", defaultValue = SlaPolicies.SAMPLE) String file,
            Directory directory) {
        SlaPolicies policies = SlaPolicies.load(file, directory);
        LOG.infof("Loaded %d SLA policies from %s", policies.names().size(), policies.file());
        return policies;
    }
}
