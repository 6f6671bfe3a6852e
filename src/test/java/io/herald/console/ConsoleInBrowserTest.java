package io.herald.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The operator console in a real browser (headless Chromium, driven by {@code tools/console-pages.mjs} through
 * playwright-core), used with the keyboard: the activity page shows an event that arrives while it is open, its
 * row opens the timeline, a dead notification's replay page changes nothing until its button is pressed, which
 * sends it once, and the rule tester shows the matching rules for a pasted event. Screenshots of each page are
 * kept in {@code target/screenshots/console}.
 */
@QuarkusTest
class ConsoleInBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target/screenshots/console");

    @Test
    void anOperatorWatchesEventsArriveReplaysADeadNotificationAndTestsTheRules() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
                + " (bin/services installs it); the browser test does not run");
        Herald.awaitIdle();
        Herald.faults("{\"failNext\":1,\"failStatus\":400}");
        ObjectNode undeliverable = Herald.sample("shipment-delayed");
        ((ObjectNode) undeliverable.get("data")).put("severity", "normal");
        String source = undeliverable.get("source").asText();
        String undeliverableId = undeliverable.get("id").asText();
        Herald.post(undeliverable).then().statusCode(202);
        String dead = awaitNotification(source, undeliverableId, "DEAD");
        Herald.post(Herald.sample("purchase-order-approval")).then().statusCode(202);
        ObjectNode arriving = Herald.sample("case-priority-changed");
        ObjectNode tested = Herald.sample("shipment-delayed");

        Map<String, JsonNode> steps = browse(arriving, dead, tested);

        assertThat(steps.get("activity").get("arrived").asBoolean()).as("the event sent while the page was open")
                .isTrue();
        assertThat(text(steps, "activity")).contains(arriving.get("id").asText(), "Live:");
        assertThat(status(steps, "event-timeline")).isEqualTo(200);
        assertThat(text(steps, "event-timeline")).contains("Timeline", "received", arriving.get("id").asText());
        assertThat(text(steps, "dead-letters")).contains(dead, "HTTP 400");
        assertThat(status(steps, "replay-confirm")).isEqualTo(200);
        assertThat(text(steps, "replay-confirm")).contains("Replay this notification?");
        assertThat(text(steps, "still-dead-after-confirmation-page")).isEqualTo("true");
        assertThat(status(steps, "replayed")).isEqualTo(200);
        assertThat(text(steps, "replayed")).contains("Replayed");
        assertThat(status(steps, "rule-tester")).isEqualTo(200);
        assertThat(text(steps, "rule-tester")).contains("Matching rules", "Subject:");
        assertThat(status(steps, "tasks")).isEqualTo(200);
        assertThat(status(steps, "all-open-tasks")).isEqualTo(200);
        assertThat(text(steps, "all-open-tasks")).as("without a filter, every open task")
                .contains("All open tasks, newest first", "timeline");
        for (JsonNode step : steps.values()) {
            if (!step.get("screenshot").isNull()) {
                assertThat(Path.of(step.get("screenshot").asText())).isNotEmptyFile();
            }
        }

        awaitNotification(source, undeliverableId, "DELIVERED");
        assertThat(Herald.submissionsFor(undeliverableId)).hasSize(1);
        assertThat(Herald.submissionsFor(tested.get("id").asText())).as("testing rules sends nothing").isEmpty();
    }

    /** Starts the browser script, sends {@code arriving} once the activity page is open, and collects the steps. */
    private static Map<String, JsonNode> browse(ObjectNode arriving, String dead, ObjectNode tested)
            throws Exception {
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
        String base = "http://localhost:" + port;
        Process node = new ProcessBuilder(List.of("node", "tools/console-pages.mjs", base, SCREENSHOTS.toString(),
                arriving.get("id").asText(), dead, tested.toPrettyString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("the browser script opened the activity page").isEqualTo("watching");
        Herald.post(arriving).then().statusCode(202);
        String json = out.lines().collect(Collectors.joining("\n"));
        assertThat(node.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as("the browser script").isZero();
        Map<String, JsonNode> steps = new LinkedHashMap<>();
        new ObjectMapper().readTree(json).forEach(step -> steps.put(step.get("name").asText(), step));
        return steps;
    }

    private static String awaitNotification(String source, String id, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<String> statuses = Herald.event(source, id).getList("notifications.status");
            return statuses.size() == 1 && status.equals(statuses.get(0));
        });
        return Herald.event(source, id).getString("notifications[0].id");
    }

    private static int status(Map<String, JsonNode> steps, String name) {
        return steps.get(name).get("status").asInt();
    }

    private static String text(Map<String, JsonNode> steps, String name) {
        return steps.get(name).get("text").asText();
    }
}
