package io.herald.slasweep;

import static io.herald.slasweep.CaseEscalations.emailSubjectsTo;
import static io.herald.slasweep.CaseEscalations.messages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.audit.AuditTrail;
import io.herald.directory.Directory;
import io.herald.domain.Task;
import io.herald.sla.Checkpoint;
import io.herald.support.Herald;
import io.herald.support.Tasks;
import io.herald.support.TestClock;
import io.herald.support.TestClockProfile;
import io.herald.work.NotificationWork;
import io.herald.writeback.WriteBackRecorder;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint whose effects cannot be stored (here: the 50% warning of the customer escalation) is retried by the
 * sweeps until {@code herald.sla.sweep.give-up-after} (one hour) from its claim, then given up with one alert, and
 * the clock goes on: the next checkpoint fires as usual. Raised Monday 09:00 Berlin, due 13:00.
 */
@QuarkusTest
@TestProfile(TestClockProfile.class)
class StuckCheckpointTest {

    private static final String FAILING = "50%-used";

    @Inject
    TestClock clock;

    @Inject
    SlaSweep sweep;

    @Inject
    NotificationWork work;

    @Inject
    WriteBackRecorder writeBacks;

    @Inject
    Directory directory;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void theHalfTimeWarningCannotBeStored() {
        QuarkusMock.installMockForType(new CheckpointMessages(work, writeBacks, directory, audit, json) {
            @Override
            public void fire(Task task, Checkpoint checkpoint, List<String> recipients) {
                if (FAILING.equals(checkpoint.label())) {
                    throw new IllegalStateException("the store refused the write");
                }
                super.fire(task, checkpoint, recipients);
            }
        }, CheckpointMessages.class);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void failingCheckpointIsGivenUpWithOneAlertAndTheClockGoesOn() {
        String task = raise();
        String alertId = "sla-checkpoint-failed-" + task + "-0";

        sweepAt("2026-11-30T10:00:00Z");
        sweepAt("2026-11-30T10:30:00Z");
        assertThat(Herald.event(StuckCheckpoints.SOURCE, alertId)).as("still retried within the hour").isNull();

        sweepAt("2026-11-30T11:00:00Z");
        JsonPath alert = Herald.event(StuckCheckpoints.SOURCE, alertId);
        assertThat(alert).isNotNull();
        int alerts = alert.getList("notifications").size();
        assertThat(alerts).isPositive();
        assertThat(Herald.submissionsFor(alertId)).hasSize(alerts);
        assertThat(Tasks.task(task).getList("timeline.step", String.class)).contains("sla-checkpoint-given-up");

        sweepAt("2026-11-30T11:01:00Z");
        assertThat(emailSubjectsTo(task, "75%-used", "dave@example.com")).hasSize(1);
        sweepAt("2026-11-30T12:00:00Z");
        assertThat(messages(task, FAILING)).isEmpty();
        assertThat(Herald.submissionsFor(alertId)).as("raised once").hasSize(alerts);
    }

    private String raise() {
        ObjectNode escalation = CaseEscalations.escalation();
        clock.set(SlaEscalationTest.MONDAY_0900_BERLIN);
        CaseEscalations.post(escalation, SlaEscalationTest.MONDAY_0900_BERLIN);
        Herald.awaitIdle();
        return CaseEscalations.taskId(escalation);
    }

    private void sweepAt(String utc) {
        clock.set(Instant.parse(utc));
        sweep.sweep();
        Herald.awaitIdle();
    }
}
