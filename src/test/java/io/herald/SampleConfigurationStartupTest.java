package io.herald;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.directory.Directory;
import io.herald.directory.yaml.YamlDirectory;
import io.herald.routing.Router;
import io.herald.routing.RuleSet;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The application starts with the bundled sample directory and rules, loaded and checked at start-up. */
@QuarkusTest
class SampleConfigurationStartupTest {

    @Inject
    Directory directory;

    @Inject
    RuleSet rules;

    @Inject
    Router router;

    @Test
    void sampleDirectoryAndRulesAreLoadedAtStartUp() {
        assertThat(directory).isInstanceOf(YamlDirectory.class);
        assertThat(directory.user("alice")).isPresent();
        assertThat(rules.file()).isEqualTo(RuleSet.SAMPLE);
        assertThat(rules.names()).contains("erp-workflow-status", "integration-failure", "case-update");
        assertThat(router).isNotNull();
    }
}
