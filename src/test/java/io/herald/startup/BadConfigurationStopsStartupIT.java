package io.herald.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.support.PackagedHerald;
import io.herald.support.ServerEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged application refuses to start on bad configuration and says where and why. */
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

    @Test
    void recordLimitBelowOneStopsLocalModeNamingTheSetting() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_PROFILE", "local");
        environment.put("HERALD_DATA_DIR", Files.createTempDirectory("herald-local-").toString());
        environment.put("HERALD_SIMULATORS_RECORD_LIMIT", "0");

        try (PackagedHerald herald = PackagedHerald.start(environment)) {
            assertThat(herald.awaitExit()).as("local mode exits instead of serving simulators that cannot record")
                    .isTrue();
            assertThat(herald.exitValue()).isNotZero();
            assertThat(herald.output()).contains("herald.simulators.record-limit must be at least 1, not 0");
        }
    }
}
