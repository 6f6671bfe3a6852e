package io.herald.slasweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.audit.AuditTrail;
import io.herald.domain.SlaClock;
import io.herald.domain.StoredEvent;
import io.herald.domain.Task;
import io.herald.metrics.HeraldMetrics;
import io.herald.sla.Checkpoint;
import io.herald.sla.SlaClocks;
import io.herald.store.TaskStore;
import io.herald.work.AlertEvent;
import io.herald.work.FailureAlerts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Gives up a claimed checkpoint whose effects keep failing to be stored, instead of retrying it at every sweep for
 * ever: after {@code herald.sla.sweep.give-up-after} from its claim, an integration-failure alert goes to the
 * operations group (an event of Herald's own keyed by task and checkpoint, so raised once), and the clock goes on to
 * its next checkpoint. Whether to give up follows from the stored claim time, so a sweep that dies between the alert
 * and the clock's update is completed by the next one, which decides the same and finds the alert raised.
 */
@ApplicationScoped
class StuckCheckpoints {

    static final String SOURCE = "urn:herald:sla-sweep";
    static final String TYPE = "herald.sla.checkpoint.failed";
    private static final Logger LOG = Logger.getLogger(StuckCheckpoints.class);

    private final TaskStore tasks;
    private final FailureAlerts alerts;
    private final AuditTrail audit;
    private final HeraldMetrics metrics;
    private final SlaConfig config;
    private final ObjectMapper json;

    StuckCheckpoints(TaskStore tasks, FailureAlerts alerts, AuditTrail audit, HeraldMetrics metrics,
            SlaConfig config, ObjectMapper json) {
        this.tasks = tasks;
        this.alerts = alerts;
        this.audit = audit;
        this.metrics = metrics;
        this.config = config;
        this.json = json;
    }

    /** The id of the alert raised when the checkpoint of a task is given up. */
    static String alertId(String taskId, Checkpoint checkpoint) {
        return "sla-checkpoint-failed-" + taskId + "-" + checkpoint.index();
    }

    /** Whether the task's firing checkpoint was claimed long enough ago to be given up. */
    boolean stuck(Task task, Instant now) {
        SlaClock clock = task.sla();
        return clock.firing() != null && clock.firingAt() != null
                && !now.isBefore(clock.firingAt().plus(config.giveUpAfter()));
    }

    void giveUp(Task task, Instant now) {
        Checkpoint checkpoint = SlaClocks.checkpoints(task.sla()).get(task.sla().firing());
        if (alerts.raise(alertEvent(task, checkpoint, now))) {
            audit.record(task.eventKey(), "alerted", AuditTrail.HERALD, "group told that SLA checkpoint "
                    + checkpoint.label() + " of task " + task.id() + " could not be fired");
        }
        if (tasks.updateTask(task.withSla(SlaClocks.completed(task.sla()), task.assignees(), now)).isPresent()) {
            metrics.workFailed("sla-checkpoints-given-up");
            audit.recordOnce(task.eventKey(), "sla-checkpoint-given-up", AuditTrail.HERALD, "checkpoint "
                    + checkpoint.label() + " of task " + task.id() + " failed since " + task.sla().firingAt()
                    + "; the clock goes on", task.id() + '\u0000' + checkpoint.index());
            LOG.errorf("SLA checkpoint %s of task %s given up: it failed since %s", checkpoint.label(), task.id(),
                    task.sla().firingAt());
        }
    }

    private StoredEvent alertEvent(Task task, Checkpoint checkpoint, Instant now) {
        return AlertEvent.of(task.id(), task.entity() == null ? task.eventSource() : task.entity().system(),
                        "SLA_CHECKPOINT_FAILED", "the " + checkpoint.kind() + " " + checkpoint.label()
                                + " could not be stored since " + task.sla().firingAt(),
                        "given up after " + config.giveUpAfter().toMinutes() + " minute(s) of retries")
                .with("taskId", task.id()).with("checkpoint", checkpoint.label())
                .event(SOURCE, alertId(task.id(), checkpoint), TYPE, task.id(), now, json);
    }
}
