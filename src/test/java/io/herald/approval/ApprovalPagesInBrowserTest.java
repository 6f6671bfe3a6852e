package io.herald.approval;

import static io.herald.approval.ApprovalRequestTest.purchaseOrder;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.herald.support.Tasks;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The pages behind action links in a real browser (headless Chromium, driven by {@code tools/approval-pages.mjs}
 * through playwright-core), used with the keyboard as an approver would: the page records nothing when it opens,
 * a rejection without a reason is refused and explained, the reason typed and the button pressed record it once,
 * and a German approver on a phone reads their own formats; a withdrawn request, an expired link, someone else's
 * link and a broken one each get their own page. Screenshots of the mail and each page are kept in
 * {@code target/screenshots/approval}.
 */
@QuarkusTest
class ApprovalPagesInBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target/screenshots/approval");

    @Test
    void anApproverAnswersWithTheKeyboardAndTheAnswerIsRecordedOnce() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
                + " (bin/services installs it); the browser test does not run");
        ObjectNode order = order(48_500);
        ObjectNode small = order(5_000);
        Tasks.Link reject = Tasks.link(Tasks.linksTo(order.get("id").asText(), "alice@example.com"), "reject");
        Tasks.Link approve = Tasks.link(Tasks.linksTo(small.get("id").asText(), "bob@example.com"), "approve");

        Path mail = SCREENSHOTS.resolve("mail.html").toAbsolutePath();
        Files.createDirectories(SCREENSHOTS);
        Files.writeString(mail, (String) Herald.submissionsFor(order.get("id").asText()).stream()
                .filter(s -> "EMAIL".equals(s.get("channel"))).findFirst().orElseThrow().get("html"));

        ObjectNode withdrawn = order(48_500);
        Tasks.Link withdrawnLink = Tasks.link(Tasks.linksTo(withdrawn.get("id").asText(), "alice@example.com"),
                "approve");
        ObjectNode withdrawal = Herald.sample("purchase-order-approval");
        withdrawal.put("type", "erp.purchase-order.approval.withdrawn");
        ((ObjectNode) withdrawal.get("data")).put("entityId", withdrawn.get("data").get("entityId").asText());
        Herald.post(withdrawal).then().statusCode(202);
        String taskOfOrder = Tasks.taskIdOfEvent(order.get("source").asText(), order.get("id").asText());
        String base = reject.url().substring(0, reject.url().indexOf("/act"));

        Map<String, JsonNode> steps = browse(reject.url(), approve.url(), mail, List.of(
                "withdrawn=" + withdrawnLink.url(),
                "expired=" + base + "/act?action=approve&token=" + ActionLinkRefusalTest.token(taskOfOrder, "alice",
                        Instant.now().minus(Duration.ofDays(8))),
                "not-yours=" + base + "/act?action=approve&token=" + ActionLinkRefusalTest.token(taskOfOrder, "carol",
                        Instant.now()),
                "not-valid=" + base + "/act?action=approve&token=" + reject.token().substring(0, 40)));

        assertThat(status(steps, "withdrawn")).isEqualTo(410);
        assertThat(text(steps, "withdrawn")).contains("This request was withdrawn");
        assertThat(status(steps, "expired")).isEqualTo(410);
        assertThat(text(steps, "expired")).contains("This link has expired");
        assertThat(status(steps, "not-yours")).isEqualTo(403);
        assertThat(text(steps, "not-yours")).contains("This link is for someone else");
        assertThat(status(steps, "not-valid")).isEqualTo(401);
        assertThat(text(steps, "not-valid")).contains("This link is not valid");

        assertThat(text(steps, "mail")).contains("€48,500.00", "SAP S/4HANA Purchasing", "Reject");
        assertThat(steps.get("page-opened").get("status").asInt()).isEqualTo(200);
        assertThat(text(steps, "page-opened")).contains("€48,500.00", "SAP S/4HANA Purchasing",
                "Nothing is recorded until you press one of the buttons.");
        assertThat(steps.get("reason-missing").get("status").asInt())
                .as("Enter on the focused Reject button without a reason").isEqualTo(422);
        assertThat(text(steps, "reason-missing")).contains("Please give a reason for \u201cReject\u201d.");
        assertThat(steps.get("reason-missing").get("focused").asText()).as("the reason field has the focus")
                .startsWith("<textarea id=\"comment\"");
        assertThat(steps.get("recorded").get("status").asInt()).isEqualTo(200);
        assertThat(text(steps, "recorded")).contains("You rejected on", "Budget line IT-2027-04 is exhausted.");
        assertThat(steps.get("link-opened-again").get("status").asInt()).isEqualTo(200);
        assertThat(text(steps, "link-opened-again")).contains("Your answer was already recorded",
                "You rejected on");
        assertThat(steps.get("german-page-on-a-phone").get("status").asInt()).isEqualTo(200);
        assertThat(text(steps, "german-page-on-a-phone")).contains("5.000,00\u00a0€", "Genehmigen", "Ablehnen");
        for (JsonNode step : steps.values()) {
            assertThat(Path.of(step.get("screenshot").asText())).isNotEmptyFile();
        }

        String taskId = Tasks.taskIdOfEventAnswered(order.get("source").asText(), order.get("id").asText());
        List<Map<String, Object>> writeBacks = Tasks.awaitWriteBacks(taskId, 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) writeBacks.get(0).get("body");
        assertThat(body).containsEntry("action", "reject")
                .containsEntry("comment", "Budget line IT-2027-04 is exhausted.");
        assertThat(Tasks.task(taskId).getList("timeline.step")).containsSubsequence("link-opened", "answered")
                .filteredOn("answered"::equals).hasSize(1);
    }

    private static ObjectNode order(int amount) {
        ObjectNode order = purchaseOrder(amount);
        String entityId = "PO-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(java.util.Locale.ROOT);
        ((ObjectNode) order.get("data")).put("entityId", entityId).put("title", "Purchase order " + entityId
                + ": 40 laptops");
        Herald.post(order).then().statusCode(202);
        return order;
    }

    /** @param others further pages to open, as {@code name=url} */
    private static Map<String, JsonNode> browse(String englishLink, String germanLink, Path mail, List<String> others)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("node", "tools/approval-pages.mjs", englishLink,
                germanLink, SCREENSHOTS.toString(), mail.toString()));
        command.addAll(others);
        Process node = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as("the browser script").isZero();
        Map<String, JsonNode> steps = new java.util.LinkedHashMap<>();
        new ObjectMapper().readTree(out).forEach(step -> steps.put(step.get("name").asText(), step));
        return steps;
    }

    private static int status(Map<String, JsonNode> steps, String name) {
        return steps.get(name).get("status").asInt();
    }

    private static String text(Map<String, JsonNode> steps, String name) {
        return steps.get(name).get("text").asText();
    }
}
