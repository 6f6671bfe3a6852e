package io.herald.slasweep;

import static io.herald.slasweep.CaseEscalations.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.domain.Channel;
import io.herald.domain.Decision;
import io.herald.domain.EntityRef;
import io.herald.domain.EventKey;
import io.herald.domain.NotificationStatus;
import io.herald.domain.SlaPolicy;
import io.herald.domain.SlaTier;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.sla.SlaClocks;
import io.herald.store.Store;
import io.herald.store.TaskStore;
import io.herald.support.Herald;
import io.herald.support.Tasks;
import io.herald.support.TestClock;
import io.herald.support.TestClockProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Job 5: the SLA clock counts business hours only, source events pause, resume and stop it, an answer stops it,
 * and a task keeps the policy version it started with. Tasks of other tests share the store, so every assertion
 * looks at the test's own task.
 */
@QuarkusTest
@TestProfile(TestClockProfile.class)
class SlaClockTest {

    @Inject
    TestClock clock;

    @Inject
    SlaSweep sweep;

    @Inject
    TaskStore tasks;

    @Inject
    Store store;

    @AfterEach
    void realTime() {
        clock.reset();
        Herald.clearFaults();
    }

    private void sweepAt(String utc) {
        clock.set(Instant.parse(utc));
        sweep.sweep();
        Herald.awaitIdle();
    }

    private void postAt(ObjectNode event, String utc) {
        clock.set(Instant.parse(utc));
        CaseEscalations.post(event, clock.instant());
        Herald.awaitIdle();
    }

    private static JsonPath sla(String task) {
        return Tasks.task(task).setRootPath("task.sla");
    }

    @Test
    void theDeadlineSkipsTheWeekend() {
        ObjectNode escalation = CaseEscalations.escalation();
        String task = CaseEscalations.taskId(escalation);
        postAt(escalation, "2026-12-04T15:00:00Z"); // Friday 16:00 Berlin: 2 hours left that day

        assertThat(sla(task).getString("dueAt")).isEqualTo("2026-12-07T09:00:00Z"); // Monday 10:00 Berlin
        sweepAt("2026-12-05T12:00:00Z");
        assertThat(messages(task, "50%-used")).as("half the time was used by Friday's closing").isNotEmpty();
        sweepAt("2026-12-06T20:00:00Z");
        assertThat(messages(task, "75%-used")).as("the weekend does not count").isEmpty();
        sweepAt("2026-12-07T08:00:00Z");
        assertThat(messages(task, "75%-used")).as("one business hour on Monday").isNotEmpty();
    }

    @Test
    void holidaysDoNotCount() {
        ObjectNode escalation = CaseEscalations.escalation();
        String task = CaseEscalations.taskId(escalation);

        postAt(escalation, "2026-12-23T15:00:00Z"); // Wednesday 16:00 Berlin, before Christmas

        assertThat(sla(task).getString("dueAt")).isEqualTo("2026-12-28T09:00:00Z");
    }

    @Test
    void waitingOnTheCustomerPausesTheClockAndTheReplyResumesIt() {
        ObjectNode escalation = CaseEscalations.escalation();
        String task = CaseEscalations.taskId(escalation);
        postAt(escalation, "2026-11-30T08:00:00Z");

        postAt(CaseEscalations.about(escalation, "crm.case.waiting-on-customer"), "2026-11-30T09:00:00Z");

        assertThat(sla(task).getString("state")).isEqualTo("PAUSED");
        sweepAt("2026-12-01T07:59:00Z");
        assertThat(messages(task, "50%-used")).as("nothing fires while paused").isEmpty();
        postAt(CaseEscalations.about(escalation, "crm.case.customer.replied"), "2026-12-01T08:00:00Z");
        assertThat(sla(task).getString("state")).isEqualTo("RUNNING");
        assertThat(sla(task).getString("dueAt")).as("3 business hours left from Tuesday 09:00 Berlin")
                .isEqualTo("2026-12-01T11:00:00Z");
        sweepAt("2026-12-01T09:00:00Z");
        assertThat(messages(task, "50%-used")).isNotEmpty();
        assertThat(Tasks.task(task).getList("timeline.step", String.class)).contains("sla-paused", "sla-resumed");
    }

    @Test
    void aPauseThatHappenedBeforeTheLatestResumeButArrivesAfterItIsIgnored() {
        ObjectNode escalation = CaseEscalations.escalation();
        String task = CaseEscalations.taskId(escalation);
        postAt(escalation, "2026-11-30T08:00:00Z");
        postAt(CaseEscalations.about(escalation, "crm.case.waiting-on-customer").put("time", "2026-11-30T09:00:00Z"),
                "2026-11-30T09:00:00Z");
        postAt(CaseEscalations.about(escalation, "crm.case.customer.replied").put("time", "2026-11-30T10:00:00Z"),
                "2026-11-30T10:00:00Z");

        // sent at 09:30, delivered late
        postAt(CaseEscalations.about(escalation, "crm.case.waiting-on-customer").put("time", "2026-11-30T09:30:00Z"),
                "2026-11-30T10:05:00Z");

        assertThat(sla(task).getString("state")).isEqualTo("RUNNING");
        assertThat(sla(task).getString("changedAt")).isEqualTo("2026-11-30T10:00:00Z");
        assertThat(Tasks.task(task).getList("timeline.step", String.class))
                .containsSubsequence("sla-paused", "sla-resumed", "sla-change-ignored");
    }

    @Test
    void aResolvedCaseStopsTheClock() {
        ObjectNode escalation = CaseEscalations.escalation();
        String task = CaseEscalations.taskId(escalation);
        postAt(escalation, "2026-11-30T08:00:00Z");

        postAt(CaseEscalations.about(escalation, "crm.case.resolved"), "2026-11-30T09:00:00Z");
        sweepAt("2026-11-30T17:00:00Z");

        assertThat(sla(task).getString("state")).isEqualTo("STOPPED");
        assertThat(sla(task).getString("nextCheckAt")).isNull();
        assertThat(messages(task, "50%-used")).isEmpty();
        assertThat(messages(task, "tier-3")).isEmpty();
    }

    @Test
    void nobodyIsRemindedOfATaskAnsweredBeforeTheReminderWentOut() {
        ObjectNode escalation = CaseEscalations.escalation();
        String task = CaseEscalations.taskId(escalation);
        postAt(escalation, "2026-11-30T08:00:00Z");
        Herald.faults("{\"latencyMs\":0,\"failNext\":0,\"down\":true,\"deliveryState\":\"Sent\"}");
        clock.set(Instant.parse("2026-11-30T10:00:00Z"));
        sweep.sweep();
        // Each reminder has tried and waits to retry: from here on, every attempt checks the task first. (A first
        // retry whose jitter falls within the claim's early tolerance is taken at once, so one may have tried twice.)
        EventKey reminderKey = new EventKey(SlaEvents.SOURCE, task + "/50%-used");
        await().atMost(Duration.ofSeconds(20)).until(() -> !store.notificationsOf(reminderKey).isEmpty()
                && store.notificationsOf(reminderKey).stream().allMatch(n -> n.attempts() >= 1
                        && n.status() == NotificationStatus.PENDING));

        Task open = tasks.findTask(task).orElseThrow();
        tasks.updateTask(open.decided(new Decision("acknowledge", "dave", null, clock.instant(), null),
                clock.instant())).orElseThrow();
        Herald.clearFaults();
        clock.advance(Duration.ofMinutes(1)); // the retries' time comes
        Herald.awaitIdle();

        assertThat(messages(task, "50%-used")).isEmpty();
        JsonPath reminder = Herald.event(SlaEvents.SOURCE, task + "/50%-used");
        assertThat(reminder.getList("notifications.status", String.class)).isNotEmpty()
                .containsOnly("WITHDRAWN");
        assertThat(reminder.getList("audit.step", String.class)).contains("withdrawn");
    }

    @Test
    void aRunningTaskKeepsThePolicyVersionItStartedWith() {
        // As if raised before the policy file was edited: version 1 gave 1 hour, then told alice.
        SlaPolicy before = new SlaPolicy("case-response", 1, Duration.ofHours(1), null, List.of(),
                List.of(new SlaTier(1, Duration.ofMinutes(30), List.of("user:alice"), null, 0)),
                List.of(Channel.EMAIL), "sla-escalation");
        Instant raised = Instant.parse("2026-11-30T08:00:00Z");
        String id = "pinned-" + UUID.randomUUID();
        tasks.insertTask(new Task(id, "/xconnector/crm/service-cloud", id, CaseEscalations.RULE, "Pinned policy",
                new EntityRef("crm-service", "case", "CASE-" + id), List.of("acknowledge", "comment"),
                List.of("dave"), TaskStatus.OPEN, null, raised, raised, 0,
                SlaClocks.start(before, before.target(), List.of("dave"), raised)));

        sweepAt("2026-11-30T09:30:00Z");

        assertThat(CaseEscalations.emailSubjectsTo(id, "tier-1", "alice@example.com")).hasSize(1);
        assertThat(sla(id).getInt("policy.version")).isEqualTo(1);
        ObjectNode fresh = CaseEscalations.escalation();
        postAt(fresh, "2026-11-30T08:00:00Z");
        assertThat(sla(CaseEscalations.taskId(fresh)).getInt("policy.version")).isGreaterThan(1);
    }

    @Test
    void aDeadlineTheEventGivesRunsRoundTheClock() {
        ObjectNode callback = Herald.sample("case-callback-requested");
        ((ObjectNode) callback.get("data")).put("entityId", "CASE-" + UUID.randomUUID())
                .put("respondBy", "2026-12-05T10:00:00Z"); // a Saturday
        String task = io.quarkus.arc.Arc.container().instance(io.herald.task.TaskIds.class).get()
                .of(new io.herald.domain.EventKey(callback.get("source").asText(),
                callback.get("id").asText()), "case-callback-promise");

        postAt(callback, "2026-12-05T08:00:00Z");

        assertThat(sla(task).getString("dueAt")).isEqualTo("2026-12-05T10:00:00Z");
        sweepAt("2026-12-05T09:00:00Z");
        assertThat(CaseEscalations.emailSubjectsTo(task, "50%-used", "dave@example.com")).singleElement()
                .asString().endsWith(": 1h left");
        sweepAt("2026-12-05T10:01:00Z");
        assertThat(CaseEscalations.emailSubjectsTo(task, "tier-1", "erin@example.com")).hasSize(1);
    }
}
