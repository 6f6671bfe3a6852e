package io.herald.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.herald.directory.yaml.YamlDirectory;
import io.herald.domain.Channel;
import io.herald.domain.EntityRef;
import io.herald.domain.Priority;
import io.herald.sla.SlaPolicies;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled sample rules, directory and SLA policies route xConnector's events as the sample company expects. */
class SampleRulesTest {

    private static final YamlDirectory DIRECTORY = YamlDirectory.load(YamlDirectory.SAMPLE);
    private static final SlaPolicies POLICIES = SlaPolicies.load(SlaPolicies.SAMPLE, DIRECTORY);
    private final Router router = new Router(RuleSet.load(RuleSet.SAMPLE, DIRECTORY, POLICIES), DIRECTORY);

    @Test
    void workflowStatusGoesToTheOwnerAndTheTeamByEmail() {
        RoutingPlan plan = router.route(TestEvents.fromResource("approval-completed.json"));

        assertThat(plan.matchedRules()).containsExactly("erp-workflow-status");
        assertThat(plan.deliveries())
                .extracting(Delivery::userId, Delivery::channel, Delivery::template, Delivery::priority)
                .containsExactly(
                        tuple("bob", Channel.EMAIL, "workflow-status", Priority.NORMAL),
                        tuple("alice", Channel.EMAIL, "workflow-status", Priority.NORMAL));
    }

    @Test
    void highSeverityWorkflowStatusAddsSmsAtHighPriority() {
        RoutingPlan plan = router.route(TestEvents.fromResource("shipment-delayed-high.json"));

        assertThat(plan.matchedRules()).containsExactly("erp-workflow-status", "erp-workflow-status-high-severity");
        assertThat(plan.deliveries())
                .extracting(Delivery::userId, Delivery::channel, Delivery::address, Delivery::priority)
                .containsExactly(
                        tuple("carol", Channel.EMAIL, "carol@example.com", Priority.HIGH),
                        tuple("carol", Channel.SMS, "+4915110000003", Priority.HIGH));
    }

    @Test
    void escalatedCaseUsesTheWorkflowStatusTemplate() {
        RoutingPlan plan = router.route(TestEvents.fromResource("case-escalated.json"));

        assertThat(plan.matchedRules()).containsExactly("case-escalated");
        assertThat(plan.deliveries()).extracting(Delivery::userId).containsExactly("dave", "erin");
        assertThat(plan.missingAddresses())
                .containsExactly("rule 'case-escalated': user 'heidi' has no e-mail address (email)");
    }

    @Test
    void integrationFailureAlertsOpsByEmailAndSms() {
        RoutingPlan plan = router.route(TestEvents.fromResource("integration-job-failed.json"));

        assertThat(plan.deliveries())
                .extracting(Delivery::userId, Delivery::channel, Delivery::template, Delivery::priority)
                .containsExactly(
                        tuple("frank", Channel.EMAIL, "integration-failure", Priority.HIGH),
                        tuple("frank", Channel.SMS, "integration-failure", Priority.HIGH),
                        tuple("grace", Channel.EMAIL, "integration-failure", Priority.HIGH),
                        tuple("grace", Channel.SMS, "integration-failure", Priority.HIGH));
    }

    @Test
    void recordFailuresJoinAGroupPerSourceSystemAndErrorCode() {
        RoutingPlan plan = router.route(TestEvents.fromSample("integration-record-failed.json"));

        assertThat(plan.matchedRules()).containsExactly("integration-record-failures");
        assertThat(plan.deliveries())
                .extracting(Delivery::userId, Delivery::channel, Delivery::template, d -> d.group().keyValues())
                .containsExactly(
                        tuple("frank", Channel.EMAIL, "integration-failure-group", List.of("SAP S/4HANA", "EDI-422")),
                        tuple("frank", Channel.SMS, "integration-failure-group", List.of("SAP S/4HANA", "EDI-422")),
                        tuple("grace", Channel.EMAIL, "integration-failure-group", List.of("SAP S/4HANA", "EDI-422")),
                        tuple("grace", Channel.SMS, "integration-failure-group", List.of("SAP S/4HANA", "EDI-422")));
        assertThat(plan.deliveries().get(0).group()).extracting(GroupPlan::initialWait, GroupPlan::interval,
                GroupPlan::repeat).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(4));
    }

    @Test
    void aCriticalRecordFailureIsSentOnItsOwnAtUrgentPriority() {
        RoutingPlan plan = router.route(TestEvents.fromSample("integration-record-failed-critical.json"));

        assertThat(plan.matchedRules()).containsExactly("integration-record-failures",
                "integration-failure-critical");
        assertThat(plan.deliveries()).hasSize(4).allSatisfy(delivery -> {
            assertThat(delivery.group()).isNull();
            assertThat(delivery.priority()).isEqualTo(Priority.URGENT);
            assertThat(delivery.template()).isEqualTo("integration-failure");
        });
    }

    @Test
    void urgentCaseUpdateAlsoReachesTheAssigneesManager() {
        RoutingPlan plan = router.route(TestEvents.fromResource("case-priority-urgent.json"));

        assertThat(plan.matchedRules()).containsExactly("case-update", "case-update-urgent");
        assertThat(plan.deliveries())
                .extracting(Delivery::userId, Delivery::channel, Delivery::rule, Delivery::priority)
                .containsExactly(
                        tuple("dave", Channel.EMAIL, "case-update", Priority.NORMAL),
                        tuple("dave", Channel.INAPP, "case-update", Priority.NORMAL),
                        tuple("erin", Channel.EMAIL, "case-update-urgent", Priority.HIGH),
                        tuple("erin", Channel.INAPP, "case-update-urgent", Priority.HIGH),
                        tuple("heidi", Channel.INAPP, "case-update", Priority.NORMAL));
    }

    @Test
    void customerEscalationAsksTheAssigneeToRespondWithinTheCaseResponseSla() {
        RoutingPlan plan = router.route(TestEvents.fromSample("case-escalated-customer.json"));

        assertThat(plan.matchedRules()).containsExactly("case-update", "case-escalation-response");
        assertThat(plan.tasks()).singleElement().satisfies(task -> {
            assertThat(task.assignees()).containsExactly("dave");
            assertThat(task.actions()).containsExactly("acknowledge", "comment");
            assertThat(task.entity()).isEqualTo(new EntityRef("crm-service", "case", "CASE-20931"));
            assertThat(task.sla()).isEqualTo(POLICIES.policy("case-response").orElseThrow().policy());
            assertThat(task.dueAt()).isNull();
        });
        assertThat(plan.deliveries())
                .extracting(Delivery::userId, Delivery::channel, Delivery::template, Delivery::priority)
                .containsExactly(
                        tuple("dave", Channel.EMAIL, "case-escalation", Priority.HIGH),
                        tuple("dave", Channel.INAPP, "case-escalation", Priority.HIGH),
                        tuple("erin", Channel.EMAIL, "case-update", Priority.NORMAL),
                        tuple("erin", Channel.INAPP, "case-update", Priority.NORMAL),
                        tuple("heidi", Channel.INAPP, "case-update", Priority.NORMAL));
    }

    @Test
    void purchaseOrderApprovalFollowsThePurchaseOrderSla() {
        RoutingPlan plan = router.route(TestEvents.fromSample("purchase-order-approval.json"));

        assertThat(plan.tasks()).singleElement().satisfies(task -> {
            assertThat(task.rule()).isEqualTo("purchase-order-approval-director");
            assertThat(task.sla()).isEqualTo(POLICIES.policy("purchase-order-approval").orElseThrow().policy());
        });
    }

    @Test
    void caseClockEventsOfTheSampleAskForClockChangesOnTheCase() {
        String data = "{\"system\": \"crm-service\", \"entityType\": \"case\", \"entityId\": \"CASE-20931\"}";

        assertThat(POLICIES.clockCommands(TestEvents.event("crm.case.waiting-on-customer", data)))
                .extracting(c -> c.policy() + " " + c.action() + " " + c.entity().id())
                .containsExactly("case-response PAUSE CASE-20931");
        assertThat(POLICIES.clockCommands(TestEvents.event("crm.case.resolved", data)))
                .extracting(c -> c.policy() + " " + c.action())
                .containsExactly("case-response STOP", "callback-promise STOP");
    }

    @Test
    void everyTypeXConnectorEmitsIsRouted() {
        String[] types = {"erp.workflow.approval.completed", "erp.shipment.delayed", "erp.invoice.exception",
                "case.escalated", "integration.job.failed", "integration.message.rejected",
                "integration.system.unavailable", "integration.record.failed", "crm.case.priority.changed",
                "crm.case.assigned", "crm.case.customer.replied", "crm.case.milestone", "crm.case.escalated"};
        String data = "{\"owner\": \"bob\", \"team\": \"finance\", \"assignee\": \"dave\"}";

        for (String type : types) {
            assertThat(router.route(TestEvents.event(type, data)).deliveries()).as(type).isNotEmpty();
        }
        assertThat(router.route(TestEvents.event("erp.invoice.posted", data)).routed()).isFalse();
    }
}
