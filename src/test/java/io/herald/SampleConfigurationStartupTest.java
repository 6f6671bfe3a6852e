package io.herald;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.directory.Directory;
import io.herald.directory.yaml.YamlDirectory;
import io.herald.routing.Router;
import io.herald.routing.RuleSet;
import io.herald.sla.SlaPolicies;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The application starts with the bundled sample directory, rules and SLA policies, loaded and checked at start-up.
 */
@QuarkusTest
class SampleConfigurationStartupTest {

    @Inject
    Directory directory;

    @Inject
    RuleSet rules;

    @Inject
    Router router;

    @Inject
    SlaPolicies policies;

    @Test
    void sampleDirectoryAndRulesAreLoadedAtStartUp() {
        assertThat(directory).isInstanceOf(YamlDirectory.class);
        assertThat(directory.user("alice")).isPresent();
        assertThat(rules.file()).isEqualTo(RuleSet.SAMPLE);
        assertThat(rules.names()).contains("erp-workflow-status", "integration-failure", "case-update");
        assertThat(router).isNotNull();
    }

    @Test
    void sampleSlaPoliciesAreLoadedAtStartUpAndNamedByTheRules() {
        assertThat(policies.file()).isEqualTo(SlaPolicies.SAMPLE);
        assertThat(policies.names()).containsExactly("case-response", "callback-promise", "purchase-order-approval");
        assertThat(rules.names()).contains("case-escalation-response", "case-callback-promise");
    }
}
