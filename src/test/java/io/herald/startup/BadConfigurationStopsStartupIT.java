package io.herald.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged application refuses to start on a bad rules file and says where and why. */
class BadConfigurationStopsStartupIT {

    private static String runnerJar() throws IOException {
        try (var files = java.nio.file.Files.list(Path.of("target"))) {
            return files.map(Path::toString).filter(name -> name.endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("package the application first"));
        }
    }

    @Test
    void badRulesFileStopsStartupNamingFileLineAndReason() throws IOException, InterruptedException {
        Path rules = Path.of("src/test/resources/startup/bad-rules.yaml").toAbsolutePath();
        ProcessBuilder launch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", runnerJar())
                .redirectErrorStream(true);
        launch.environment().put("HERALD_RULES_FILE", rules.toString());
        launch.environment().put("HERALD_DATA_DIR", "./target/bad-startup-data");
        launch.environment().put("PORT", "0");
        Process herald = launch.start();
        boolean exited = herald.waitFor(90, TimeUnit.SECONDS);
        String output = new String(herald.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            herald.destroyForcibly();
        }

        assertThat(exited).as("Herald exits instead of serving with broken rules").isTrue();
        assertThat(herald.exitValue()).isNotZero();
        assertThat(output).contains(rules.toString() + " line 5").contains("zed")
                .contains(rules + " line 7").contains("fax");
    }
}
