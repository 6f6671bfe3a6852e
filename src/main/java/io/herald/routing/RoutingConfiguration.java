package io.herald.routing;

import io.herald.directory.Directory;
import io.herald.sla.SlaPolicies;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the rules named by {@code herald.rules.file} once, checked against the directory and the SLA policies in
 * use.
 */
@Dependent
public class RoutingConfiguration {

    private static final Logger LOG = Logger.getLogger(RoutingConfiguration.class);

    @Produces
    @Singleton
    RuleSet rules(@ConfigProperty(name = "herald.rules.file", defaultValue = RuleSet.SAMPLE) String file,
            Directory directory, SlaPolicies policies) {
        RuleSet rules = RuleSet.load(file, directory, policies);
        LOG.infof("Loaded %d routing rules from %s", rules.names().size(), rules.file());
        return rules;
    }
}
