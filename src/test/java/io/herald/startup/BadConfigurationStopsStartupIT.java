package io.herald.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.support.PackagedHerald;
import io.herald.support.ServerEnvironment;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged application refuses to start on a bad rules file and says where and why. */
class BadConfigurationStopsStartupIT {

    @Test
    void badRulesFileStopsStartupNamingFileLineAndReason() throws Exception {
        Path rules = Path.of("src/test/resources/startup/bad-rules.yaml").toAbsolutePath();
        Map<String, String> environment = ServerEnvironment.proper();
        environment.put("HERALD_RULES_FILE", rules.toString());

        try (PackagedHerald herald = PackagedHerald.start(environment)) {
            assertThat(herald.awaitExit()).as("Herald exits instead of serving with broken rules").isTrue();
            assertThat(herald.exitValue()).isNotZero();
            assertThat(herald.output()).contains(rules.toString() + " line 5").contains("zed")
                    .contains(rules + " line 7").contains("fax");
        }
    }
}
