package io.herald.approval;

import static io.herald.approval.ApprovalRequestTest.purchaseOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.herald.support.Tasks;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What an approver sees behind an action link: the request summarised in their language and formats with every
 * answer on one page, a reason asked where the rule wants one, and a plain page for each outcome.
 */
@QuarkusTest
class ApprovalPagesTest {

    @Test
    void pageSummarisesTheRequestInTheApproversLanguageAndFormats() {
        Order order = Order.routed(48_500, "alice@example.com");

        String page = Tasks.open(order.link("reject")).then().statusCode(200).extract().asString();

        assertThat(page).contains("<html lang=\"en\">", "Purchase order PO-", "in SAP S/4HANA Purchasing",
                "€48,500.00", "Nordic Hardware AB", "Bob Brandt", "(Europe/Berlin)",
                "href=\"https://erp.example.com/records/purchase-order/" + order.entityId + "\"",
                "A reason is required for: Reject.", "<textarea id=\"comment\" name=\"comment\"")
                .doesNotContain("/xconnector/erp/s4-purchasing", "entityType", "48500");
        assertThat(page.indexOf("value=\"reject\" class=\"chosen\">Reject</button>"))
                .as("the answer of the followed link comes first").isPositive()
                .isLessThan(page.indexOf("value=\"approve\">Approve</button>"));
        assertThat(page).contains("value=\"comment\">Send comment only</button>");
        order.assertOpenWithoutWriteBack();
    }

    @Test
    void germanApproverSeesGermanWordsAndFormats() {
        Order order = Order.routed(5_000, "bob@example.com");

        Tasks.open(order.link("approve")).then().statusCode(200)
                .body(containsString("<html lang=\"de\">"))
                .body(containsString("5.000,00\u00a0€"))
                .body(containsString("Ihre Entscheidung ist gefragt"))
                .body(containsString(">Genehmigen</button>"))
                .body(containsString(">Ablehnen</button>"))
                .body(containsString("Eine Begründung ist nötig für: Ablehnen."));
    }

    @Test
    void rejectWithoutAReasonIsRefusedWithThePageExplainingWhy() {
        Order order = Order.routed(48_500, "alice@example.com");

        String refused = Tasks.confirm(order.link("reject"), "   ").then().statusCode(422).extract().asString();

        assertThat(refused).contains("Please give a reason for \u201cReject\u201d. Nothing was recorded.",
                "role=\"alert\"", "aria-invalid=\"true\"", "value=\"reject\" class=\"chosen\"");
        order.assertOpenWithoutWriteBack();
        Herald.http().contentType("application/json").body(Map.of("token", order.token("reject"), "action", "reject"))
                .post("/responses").then().statusCode(422).contentType("application/problem+json");
        order.assertOpenWithoutWriteBack();

        Tasks.confirm(order.link("reject"), "Budget line is exhausted.").then().statusCode(200)
                .body(containsString("You rejected on"))
                .body(containsString("Your comment: Budget line is exhausted."))
                .body(containsString("SAP S/4HANA Purchasing is told"));
    }

    @Test
    void approvingNeedsNoReason() {
        Order order = Order.routed(48_500, "alice@example.com");

        Tasks.confirm(order.link("approve"), null).then().statusCode(200).body(containsString("You approved on"));
    }

    @Test
    void aLateApproverIsToldWhoDecidedWhatAndWhenInTheirLanguage() {
        Order order = Order.routed(150_000, "alice@example.com");
        List<Tasks.Link> bobs = Tasks.linksTo(order.id, "bob@example.com");
        Tasks.confirm(order.link("approve"), null).then().statusCode(200);

        Tasks.open(Tasks.link(bobs, "reject")).then().statusCode(409)
                .body(containsString("Bereits beantwortet"))
                .body(containsString("Alice Achterberg hat am"))
                .body(containsString("genehmigt."))
                .body(not(containsString("<form")));
        Tasks.confirm(Tasks.link(bobs, "reject"), "Too expensive").then().statusCode(409)
                .body(containsString("Alice Achterberg hat am"));
    }

    @Test
    void aWithdrawnRequestTakesNoAnswer() {
        Order order = Order.routed(48_500, "alice@example.com");
        ObjectNode withdrawn = Herald.sample("purchase-order-approval");
        withdrawn.put("type", "erp.purchase-order.approval.withdrawn");
        ((ObjectNode) withdrawn.get("data")).put("entityId", order.entityId);
        Herald.post(withdrawn).then().statusCode(202);

        Tasks.open(order.link("approve")).then().statusCode(410)
                .body(containsString("This request was withdrawn"))
                .body(containsString("SAP S/4HANA Purchasing closed it before it was answered"));
        Tasks.confirm(order.link("approve"), null).then().statusCode(410);

        order.assertOpenWithoutWriteBack();
    }

    @Test
    void aLinkThatCannotBeReadIsExplainedInTheBrowsersLanguage() {
        Herald.http().header("Accept-Language", "de-CH, de;q=0.9, en;q=0.5")
                .get("/act?token=not-a-token&action=approve").then().statusCode(401)
                .body(containsString("Dieser Link ist ungültig"));
        Herald.http().get("/act?token=not-a-token&action=approve").then().statusCode(401)
                .body(containsString("This link is not valid"))
                .body(containsString("copy the whole address"));
    }

    @Test
    void theMailShowsTheSameSummaryWithLinksThatSurviveLineWrapping() {
        Order order = Order.routed(48_500, "alice@example.com");

        Map<String, Object> mail = order.mailTo("alice@example.com");

        String text = (String) mail.get("text");
        assertThat(text).contains("in SAP S/4HANA Purchasing", "Amount: €48,500.00", "Deadline: ")
                .doesNotContain("/xconnector/erp/s4-purchasing");
        assertThat(text.lines().filter(line -> line.contains("/act?token="))).hasSize(3)
                .allSatisfy(line -> assertThat(line).startsWith("<http").endsWith(">"));
        assertThat((String) mail.get("html")).contains("€48,500.00", "SAP S/4HANA Purchasing",
                "https://erp.example.com/records/purchase-order/" + order.entityId);
    }

    @Test
    void aGermanApproverGetsTheMailInGerman() {
        Order order = Order.routed(5_000, "bob@example.com");

        Map<String, Object> mail = order.mailTo("bob@example.com");

        assertThat((String) mail.get("subject")).startsWith("[Entscheidung nötig]");
        assertThat((String) mail.get("text")).contains("Betrag: 5.000,00\u00a0€", "Genehmigen:", "Ablehnen:");
    }

    /** A purchase order of its own (its own entity id, so other tests' orders are not touched). */
    private static final class Order {

        final ObjectNode event;
        final String id;
        final String entityId = "PO-" + UUID.randomUUID().toString().substring(0, 8);
        List<Tasks.Link> links;

        private Order(int amount) {
            event = purchaseOrder(amount);
            ((ObjectNode) event.get("data")).put("entityId", entityId)
                    .put("title", "Purchase order " + entityId + ": 40 laptops");
            id = event.get("id").asText();
        }

        static Order routed(int amount, String approver) {
            Order order = new Order(amount);
            Herald.post(order.event).then().statusCode(202);
            order.links = Tasks.linksTo(order.id, approver);
            return order;
        }

        Tasks.Link link(String action) {
            return Tasks.link(links, action);
        }

        String token(String action) {
            return java.net.URLDecoder.decode(link(action).token(), java.nio.charset.StandardCharsets.UTF_8);
        }

        Map<String, Object> mailTo(String address) {
            return Herald.submissionsFor(id).stream().filter(s -> "EMAIL".equals(s.get("channel")))
                    .filter(s -> ApprovalRequestTest.WorkflowLinks.destination(s).equals(address))
                    .findFirst().orElseThrow();
        }

        void assertOpenWithoutWriteBack() {
            String taskId = Tasks.taskIdOf(event.get("source").asText(), id, "open");
            assertThat(Tasks.task(taskId).getString("task.status")).isEqualTo("OPEN");
            assertThat(Tasks.writeBacksOf(taskId)).isEmpty();
        }
    }
}
