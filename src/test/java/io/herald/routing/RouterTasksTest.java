package io.herald.routing;

import static io.herald.routing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.config.ConfigurationProblem;
import io.herald.directory.yaml.YamlDirectory;
import io.herald.domain.EntityRef;
import org.junit.jupiter.api.Test;

/** Rules with a task block: who must act, on what, with which actions. */
class RouterTasksTest {

    private static final YamlDirectory DIRECTORY = YamlDirectory.load("classpath:routing/directory.yaml");
    private final Router router = new Router(RuleSet.load("classpath:routing/rules-tasks.yaml", DIRECTORY),
            DIRECTORY);

    private RoutingPlan purchaseOrder(int amount) {
        return router.route(event("erp.purchase-order.approval.requested", "{\"amount\": " + amount
                + ", \"system\": \"s4\", \"entityType\": \"purchase-order\", \"entityId\": \"PO-1\","
                + " \"title\": \"Laptops for the service team\"}"));
    }

    @Test
    void orderOverTheThresholdRaisesATaskForTheFinanceDirector() {
        RoutingPlan plan = purchaseOrder(25_000);

        assertThat(plan.tasks()).singleElement().satisfies(task -> {
            assertThat(task.rule()).isEqualTo("po-over-threshold");
            assertThat(task.assignees()).containsExactly("alice");
            assertThat(task.actions()).containsExactly("approve", "reject", "comment");
            assertThat(task.entity()).isEqualTo(new EntityRef("s4", "purchase-order", "PO-1"));
            assertThat(task.title()).isEqualTo("Laptops for the service team");
        });
    }

    @Test
    void orderUnderTheThresholdGoesToTheTeamLeadTitledByItsType() {
        RoutingPlan plan = purchaseOrder(2_500);

        assertThat(plan.tasks()).singleElement().satisfies(task -> {
            assertThat(task.assignees()).containsExactly("bob");
            assertThat(task.title()).isEqualTo("erp.purchase-order.approval.requested");
        });
    }

    @Test
    void smallOrderNeedsNoApproval() {
        RoutingPlan plan = purchaseOrder(300);

        assertThat(plan.tasks()).isEmpty();
        assertThat(plan.matchedRules()).containsExactly("po-info-for-finance");
    }

    @Test
    void theDeliveryWithActionLinksWinsOverAHigherPriorityInformationalOne() {
        RoutingPlan plan = purchaseOrder(25_000);

        assertThat(plan.deliveries()).filteredOn(d -> d.userId().equals("alice")).singleElement()
                .extracting(Delivery::rule).isEqualTo("po-over-threshold");
        assertThat(plan.deliveries()).filteredOn(d -> d.userId().equals("bob")).singleElement()
                .extracting(Delivery::rule).isEqualTo("po-info-for-finance");
    }

    @Test
    void eventThatDoesNotNameTheEntityRaisesNoTaskAndSaysSo() {
        RoutingPlan plan = router.route(event("erp.purchase-order.approval.requested", "{\"amount\": 25000}"));

        assertThat(plan.tasks()).isEmpty();
        assertThat(plan.unresolvedRecipients()).anyMatch(problem -> problem.contains("po-over-threshold")
                && problem.contains("entity"));
    }

    @Test
    void badTaskBlockIsReportedWithLines() {
        assertThatThrownBy(() -> RuleSet.load("classpath:routing/rules-bad-task.yaml", DIRECTORY))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("line 9").hasMessageContaining("'Approve'")
                .hasMessageContaining("'reject' is listed twice")
                .hasMessageContaining("line 10").hasMessageContaining("id")
                .hasMessageContaining("line 11").hasMessageContaining("deadline");
    }
}
