package io.herald.routing;

import static io.herald.routing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.config.ConfigurationProblem;
import io.herald.directory.yaml.YamlDirectory;
import io.herald.domain.EntityRef;
import io.herald.sla.SlaPolicies;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rules with a task block: who must act, on what, with which actions, and under which SLA policy. */
class RouterTasksTest {

    private static final YamlDirectory DIRECTORY = YamlDirectory.load("classpath:routing/directory.yaml");
    private static final SlaPolicies POLICIES = SlaPolicies.load("classpath:routing/sla-tasks.yaml", DIRECTORY);
    private final Router router = new Router(RuleSet.load("classpath:routing/rules-tasks.yaml", DIRECTORY, POLICIES),
            DIRECTORY);

    private RoutingPlan incident(String respondBy) {
        return router.route(event("integration.incident.opened", "{\"system\": \"xc\", \"entityType\": \"incident\","
                + " \"entityId\": \"INC-9\"" + (respondBy == null ? "" : ", \"respondBy\": " + respondBy) + "}"));
    }

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

    @Test
    void taskPinsThePolicyItsRuleNamesAsLoaded() {
        PlannedTask task = purchaseOrder(25_000).tasks().get(0);

        assertThat(task.sla()).isEqualTo(POLICIES.policy("po-approval").orElseThrow().policy());
        assertThat(task.sla().version()).isEqualTo(2);
        assertThat(task.dueAt()).as("the deadline follows from the target when the task is raised").isNull();
    }

    @Test
    void taskOfARuleWithoutSlaHasNoPolicy() {
        PlannedTask task = purchaseOrder(2_500).tasks().get(0);

        assertThat(task.sla()).isNull();
        assertThat(task.dueAt()).isNull();
    }

    @Test
    void policyTakingTheDeadlineFromTheEventReadsAnRfc3339Time() {
        PlannedTask task = incident("\"2026-06-08T16:30:00+02:00\"").tasks().get(0);

        assertThat(task.sla()).isEqualTo(POLICIES.policy("incident").orElseThrow().policy());
        assertThat(task.dueAt()).isEqualTo(Instant.parse("2026-06-08T14:30:00Z"));
    }

    @Test
    void deadlineMayUseTheSpaceAndLowerCaseFormsRfc3339Allows() {
        assertThat(incident("\"2026-06-08 14:30:00.250z\"").tasks().get(0).dueAt())
                .isEqualTo(Instant.parse("2026-06-08T14:30:00.250Z"));
    }

    @Test
    void eventWithoutTheDeadlineRaisesTheTaskWithoutSlaAndSaysSo() {
        RoutingPlan plan = incident(null);

        assertThat(plan.tasks()).singleElement().satisfies(task -> {
            assertThat(task.sla()).isNull();
            assertThat(task.dueAt()).isNull();
        });
        assertThat(plan.unresolvedRecipients()).containsExactly("rule 'incident-response': SLA policy 'incident':"
                + " the event has no deadline at data.respondBy; the task has no SLA");
    }

    @Test
    void unreadableDeadlineRaisesTheTaskWithoutSlaAndSaysSo() {
        for (String respondBy : new String[] {"\"tomorrow\"", "\"2026-06-08T16:30:00\"", "1780000000"}) {
            RoutingPlan plan = incident(respondBy);

            assertThat(plan.tasks()).as(respondBy).singleElement().extracting(PlannedTask::sla).isNull();
            assertThat(plan.unresolvedRecipients()).as(respondBy).containsExactly("rule 'incident-response': SLA"
                    + " policy 'incident': the deadline at data.respondBy is not an RFC 3339 time; the task has no"
                    + " SLA");
        }
    }
}
