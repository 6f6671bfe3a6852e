package io.herald.slasweep;

import static io.herald.slasweep.CaseEscalations.emailSubjectsTo;
import static io.herald.slasweep.CaseEscalations.messages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.herald.support.Tasks;
import io.herald.support.TestClock;
import io.herald.support.TestClockProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Job 5: an unanswered customer escalation warns its assignee as the deadline nears, then escalates tier by
 * tier, and the CRM hears of every step. Raised Monday 2026-11-30 09:00 Berlin with 4 business hours: due 13:00.
 */
@QuarkusTest
@TestProfile(TestClockProfile.class)
class SlaEscalationTest {

    static final Instant MONDAY_0900_BERLIN = Instant.parse("2026-11-30T08:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    SlaSweep sweep;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private SweepReport sweepAt(String utc) {
        clock.set(Instant.parse(utc));
        SweepReport report = sweep.sweep();
        Herald.awaitIdle();
        return report;
    }

    private String raise() {
        ObjectNode escalation = CaseEscalations.escalation();
        clock.set(MONDAY_0900_BERLIN);
        CaseEscalations.post(escalation, MONDAY_0900_BERLIN);
        Herald.awaitIdle();
        return CaseEscalations.taskId(escalation);
    }

    @Test
    void warningsBreachAndTiersReachTheRightPeopleInTurn() {
        String task = raise();
        assertThat(Tasks.task(task).getString("task.sla.dueAt")).isEqualTo("2026-11-30T12:00:00Z");

        sweepAt("2026-11-30T09:59:00Z");
        assertThat(messages(task, "50%-used")).isEmpty();
        sweepAt("2026-11-30T10:00:00Z");
        assertThat(emailSubjectsTo(task, "50%-used", "dave@example.com")).singleElement().asString()
                .startsWith("[Reminder]").endsWith(": 2h left");
        sweepAt("2026-11-30T11:00:00Z");
        assertThat(emailSubjectsTo(task, "75%-used", "dave@example.com")).singleElement().asString()
                .endsWith(": 1h left");
        sweepAt("2026-11-30T11:30:00Z");
        assertThat(emailSubjectsTo(task, "30m-left", "dave@example.com")).singleElement().asString()
                .endsWith(": 30m left");
        sweepAt("2026-11-30T12:00:00Z");
        assertThat(emailSubjectsTo(task, "due-passed", "dave@example.com")).singleElement().asString()
                .startsWith("[Overdue]");
        sweepAt("2026-11-30T12:31:40Z"); // a sweep comes a little late: times are read to the minute
        assertThat(emailSubjectsTo(task, "tier-1", "dave@example.com")).singleElement().asString()
                .startsWith("[Escalation, tier 1]").endsWith("overdue by 32m");
        sweepAt("2026-11-30T13:00:00Z");
        assertThat(emailSubjectsTo(task, "tier-2", "erin@example.com")).singleElement().asString()
                .startsWith("[Escalation, tier 2]").endsWith("overdue by 1h");
        assertThat(emailSubjectsTo(task, "tier-2", "dave@example.com")).isEmpty();
        sweepAt("2026-11-30T14:00:00Z");
        assertThat(messages(task, "tier-3")).extracting(s -> s.get("channel")).contains("INAPP", "EMAIL");
        assertThat(emailSubjectsTo(task, "tier-3", "frank@example.com")).singleElement().asString()
                .endsWith("overdue by 2h");
        sweepAt("2026-11-30T15:00:00Z");
        assertThat(emailSubjectsTo(task, "tier-3-repeat-1", "grace@example.com")).singleElement().asString()
                .endsWith("overdue by 3h");
        sweepAt("2026-11-30T16:00:00Z");
        assertThat(emailSubjectsTo(task, "tier-3-repeat-2", "grace@example.com")).hasSize(1);
        assertThat(Tasks.task(task).getString("task.sla.nextCheckAt")).as("nothing left to fire").isNull();

        assertThat(Tasks.awaitWriteBacks(task, 9)).extracting(w -> body(w).get("kind") + " " + body(w).get("action"))
                .containsExactly("warning 50%-used", "warning 75%-used", "warning 30m-left", "breach due-passed",
                        "escalation tier-1", "escalation tier-2", "escalation tier-3", "escalation tier-3-repeat-1",
                        "escalation tier-3-repeat-2");
        JsonPath view = Tasks.task(task);
        assertThat(view.getList("task.assignees", String.class)).contains("dave", "erin", "heidi", "frank",
                "grace");
        assertThat(view.getList("timeline.step", String.class)).contains("sla-warning", "sla-breach",
                "sla-escalation");
    }

    @Test
    void escalationMessagesCarryTheTierTheDeadlineAndWorkingActionLinks() {
        String task = raise();
        sweepAt("2026-11-30T13:00:00Z");

        // Erin reads German, so the deadline is in her format
        Map<String, Object> email = messages(task, "tier-2").stream().filter(s -> "EMAIL".equals(s.get("channel")))
                .findFirst().orElseThrow();
        assertThat((String) email.get("text")).contains("Escalation, tier 2").contains("overdue by 1h")
                .contains("(business hours)").contains("30.11.2026, 13:00 Europe/Berlin");
        List<Tasks.Link> links = Tasks.linksTo(task + "/tier-2", "erin@example.com");
        assertThat(links).extracting(Tasks.Link::action).containsExactly("acknowledge", "comment");
    }

    @Test
    void anAcknowledgmentBetweenTiersStopsTheEscalationAndIsWrittenBack() {
        String task = raise();
        sweepAt("2026-11-30T13:00:00Z");
        Tasks.Link acknowledge = Tasks.link(Tasks.linksTo(task + "/tier-2", "erin@example.com"), "acknowledge");

        Tasks.confirm(acknowledge, "Calling the customer now").then().statusCode(200);

        sweepAt("2026-11-30T14:00:00Z");
        assertThat(messages(task, "tier-3")).isEmpty();
        assertThat(Tasks.task(task).getString("task.sla.state")).isEqualTo("STOPPED");
        assertThat(Tasks.awaitWriteBacks(task, 2)).extracting(w -> body(w).get("kind") + " " + body(w).get("action")
                + " " + body(w).get("actor")).containsExactly("escalation tier-2 herald", "response acknowledge erin");
    }

    @Test
    void aSweepAfterThreeHoursOfDowntimeSendsOneMessageAtTheCurrentTier() {
        String task = raise();
        sweepAt("2026-11-30T10:00:00Z");

        SweepReport afterDowntime = sweepAt("2026-11-30T13:05:00Z");

        assertThat(afterDowntime.collapsed()).isGreaterThanOrEqualTo(4);
        for (String missed : List.of("75%-used", "30m-left", "due-passed", "tier-1")) {
            assertThat(messages(task, missed)).as(missed).isEmpty();
        }
        Map<String, Object> email = messages(task, "tier-2").stream().filter(s -> "EMAIL".equals(s.get("channel")))
                .findFirst().orElseThrow();
        assertThat((String) email.get("text")).contains("stands for the earlier ones (75%-used, 30m-left, "
                + "due-passed, tier-1)");
        assertThat(messages(task, "tier-2")).hasSize(2);
        assertThat(Tasks.awaitWriteBacks(task, 2)).extracting(w -> body(w).get("action"))
                .containsExactly("50%-used", "tier-2");
    }

    @Test
    void twoSweepsRacingFireEachCheckpointOnce() throws Exception {
        String task = raise();
        clock.set(Instant.parse("2026-11-30T10:00:00Z"));

        List<SweepReport> reports = io.herald.support.Race.run(2, i -> sweep.sweep());
        Herald.awaitIdle();

        assertThat(reports.stream().mapToInt(SweepReport::fired).sum()).isPositive();
        assertThat(messages(task, "50%-used")).as("one e-mail and one in-app message").hasSize(2);
        assertThat(emailSubjectsTo(task, "50%-used", "dave@example.com")).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(Map<String, Object> writeBack) {
        return (Map<String, Object>) writeBack.get("body");
    }
}
