package io.herald.slasweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.audit.AuditTrail;
import io.herald.directory.Directory;
import io.herald.directory.User;
import io.herald.domain.Channel;
import io.herald.domain.EventKey;
import io.herald.domain.EventStatus;
import io.herald.domain.Notification;
import io.herald.domain.NotificationKind;
import io.herald.domain.Priority;
import io.herald.domain.SlaClock;
import io.herald.domain.StoredEvent;
import io.herald.domain.Task;
import io.herald.sla.Checkpoint;
import io.herald.sla.DurationText;
import io.herald.sla.SlaClocks;
import io.herald.work.NotificationWork;
import io.herald.writeback.WriteBackRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effects of a claimed checkpoint: its messages (an SLA event of Herald's own with one notification per
 * recipient and channel), its write-back to the task's source system, and a line in the task's audit trail.
 * Every effect is keyed by the task and the checkpoint, so completing a checkpoint again after a crash adds
 * nothing that is already there.
 */
@ApplicationScoped
public class CheckpointMessages {

    private final NotificationWork work;
    private final WriteBackRecorder writeBacks;
    private final Directory directory;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public CheckpointMessages(NotificationWork work, WriteBackRecorder writeBacks, Directory directory,
            AuditTrail audit, ObjectMapper json) {
        this.work = work;
        this.writeBacks = writeBacks;
        this.directory = directory;
        this.audit = audit;
        this.json = json;
    }

    /**
     * @param task the task as claimed: its clock names the checkpoint firing, its assignees include the
     *        checkpoint's recipients
     * @param recipients who is told, in order
     */
    public void fire(Task task, Checkpoint checkpoint, List<String> recipients) {
        SlaClock clock = task.sla();
        Instant at = clock.firingAt();
        List<String> missed = SlaClocks.checkpoints(clock).subList(checkpoint.index() - clock.skipped(),
                checkpoint.index()).stream().map(Checkpoint::label).toList();
        StoredEvent event = event(task, checkpoint, recipients, missed);
        work.recordOwn(event, List.of(task.rule()), first -> notifications(task, first, checkpoint, recipients));
        String summary = summary(task, checkpoint, recipients, missed);
        writeBacks.record(writeBacks.plan(task, checkpoint.kind(), checkpoint.label(), AuditTrail.HERALD, summary,
                at));
        audit.recordOnce(task.eventKey(), "sla-" + checkpoint.kind(), AuditTrail.HERALD, summary,
                event.source() + '\u0000' + event.id());
    }

    private List<Notification> notifications(Task task, StoredEvent event, Checkpoint checkpoint,
            List<String> recipients) {
        SlaClock clock = task.sla();
        Priority priority = switch (checkpoint.kind()) {
            case Checkpoint.WARNING -> Priority.NORMAL;
            case Checkpoint.BREACH -> Priority.HIGH;
            default -> Priority.URGENT;
        };
        List<Notification> planned = new ArrayList<>();
        for (String recipient : recipients) {
            User user = directory.user(recipient).orElse(null);
            for (Channel channel : clock.policy().channels()) {
                String address = user == null ? null : user.address(channel);
                if (address != null) {
                    planned.add(work.plan(event, NotificationKind.SLA, task.rule(), clock.policy().template(),
                            priority, recipient, channel, address, user.locale(), user.timeZone()));
                }
            }
        }
        return planned;
    }

    private StoredEvent event(Task task, Checkpoint checkpoint, List<String> recipients, List<String> missed) {
        SlaClock clock = task.sla();
        Duration elapsed = SlaClocks.elapsed(clock, clock.firingAt());
        Duration left = clock.target().minus(elapsed);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", task.id());
        data.put("title", task.title());
        data.put("kind", checkpoint.kind());
        data.put("checkpoint", checkpoint.label());
        data.put("tier", checkpoint.tier());
        data.put("dueAt", clock.dueAt() == null ? null : clock.dueAt().toString());
        data.put("overdue", left.isNegative() || left.isZero());
        data.put("timeLeft", left.isNegative() ? null : DurationText.format(toMinutes(left)));
        data.put("overdueBy", left.isNegative() ? DurationText.format(toMinutes(left.negated())) : null);
        data.put("businessHours", clock.policy().calendar() != null);
        data.put("missed", missed);
        data.put("recipients", recipients);
        data.put("policy", clock.policy().name());
        data.put("policyVersion", clock.policy().version());
        data.put("entity", task.entity());
        data.put("event", Map.of("source", task.eventSource(), "id", task.eventId()));
        EventKey key = SlaEvents.of(task.id(), checkpoint);
        try {
            return new StoredEvent(key.source(), key.id(), SlaEvents.type(checkpoint), task.id(), clock.firingAt(),
                    clock.firingAt(), Map.of(), "application/json", json.writeValueAsString(data),
                    EventStatus.RECEIVED, List.of(), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** People read times left and overdue to the minute; a sweep runs a few seconds after a checkpoint. */
    private static Duration toMinutes(Duration duration) {
        return Duration.ofMinutes((duration.toSeconds() + 30) / 60);
    }

    private static String summary(Task task, Checkpoint checkpoint, List<String> recipients, List<String> missed) {
        SlaClock clock = task.sla();
        String what = switch (checkpoint.kind()) {
            case Checkpoint.WARNING -> "warning " + checkpoint.label();
            case Checkpoint.BREACH -> "deadline passed";
            default -> "escalated to tier " + checkpoint.tier()
                    + (checkpoint.label().contains("-repeat-") ? " (reminder)" : "");
        };
        return "task " + task.id() + ": " + what + "; due " + clock.dueAt() + "; told "
                + (recipients.isEmpty() ? "nobody (no recipient found)" : String.join(", ", recipients))
                + (missed.isEmpty() ? "" : "; stands for missed " + String.join(", ", missed))
                + "; policy " + clock.policy().name() + " v" + clock.policy().version();
    }
}
