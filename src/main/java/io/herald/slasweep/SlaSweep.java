package io.herald.slasweep;

import io.herald.domain.SlaClock;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.grouping.GroupAnnouncements;
import io.herald.metrics.HeraldMetrics;
import io.herald.recovery.StoredWorkWaker;
import io.herald.sla.Checkpoint;
import io.herald.sla.SlaClocks;
import io.herald.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The sla-sweep function's logic: fires the SLA checkpoints that are due, announces the groups of events that are
 * due ({@link GroupAnnouncements}) and wakes stuck work. Safe to run from
 * several places at once.
 *
 * <p>It reads only tasks whose next check is due. Each checkpoint is claimed by a conditional update of its
 * task before anything is sent, so of two sweeps one fires it; the claim also adds the checkpoint's recipients
 * to the task's assignees, so their action links work. A task that missed several checkpoints (no sweep ran)
 * fires only the latest, which says what it stands for. A sweep that dies after a claim leaves the checkpoint
 * marked as firing, and a later sweep completes it; one that keeps failing is given up ({@link StuckCheckpoints}).
 */
@ApplicationScoped
public class SlaSweep {

    private static final Logger LOG = Logger.getLogger(SlaSweep.class);

    private final TaskStore tasks;
    private final CheckpointRecipients recipients;
    private final CheckpointMessages messages;
    private final StoredWorkWaker stored;
    private final StuckCheckpoints stuck;
    private final SlaConfig config;
    private final Clock clock;
    private final HeraldMetrics metrics;
    private final GroupAnnouncements groups;

    public SlaSweep(TaskStore tasks, CheckpointRecipients recipients, CheckpointMessages messages,
            StoredWorkWaker stored, StuckCheckpoints stuck, SlaConfig config, Clock clock, HeraldMetrics metrics,
            GroupAnnouncements groups) {
        this.groups = groups;
        this.metrics = metrics;
        this.stuck = stuck;
        this.tasks = tasks;
        this.recipients = recipients;
        this.messages = messages;
        this.stored = stored;
        this.config = config;
        this.clock = clock;
    }

    public SweepReport sweep() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Tally tally = new Tally();
        for (int page = 0; page < config.maxPages(); page++) {
            List<Task> due;
            try {
                due = tasks.dueSlaChecks(now, config.batch());
            } catch (RuntimeException e) {
                // Stuck work below is still woken; the checkpoints are looked at by the next sweep.
                metrics.workFailed("sla-checkpoints");
                LOG.errorf(e, "could not read the tasks with SLA checks due");
                break;
            }
            for (Task task : due) {
                try {
                    check(task, now, tally);
                } catch (RuntimeException e) {
                    // One task's trouble must not hold up the others; a claimed checkpoint is retried later.
                    metrics.workFailed("sla-checkpoints");
                    LOG.errorf(e, "SLA check of task %s failed; it is looked at again by a later sweep", task.id());
                }
            }
            if (due.size() < config.batch()) {
                break;
            }
        }
        int announced = groups.announceDue(now, config.batch());
        StoredWorkWaker.Woken woken = stored.wake(now.minus(config.stuckAfter()), now, config.batch());
        if (woken.stuck() > 0) {
            LOG.warnf("woke stuck work: %d event(s) awaiting routing, %d notification(s), %d write-back(s)",
                    woken.events(), woken.notifications(), woken.writeBacks());
        }
        SweepReport report = new SweepReport(tally.fired, tally.collapsed, tally.lost, woken.stuck(),
                announced);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        metrics.sweepFinished(took);
        if (tally.fired > 0 || tally.lost > 0) {
            LOG.infof("SLA sweep: %d checkpoint(s) fired, %d missed one(s) collapsed, %d claimed by another sweep,"
                    + " in %d ms", tally.fired, tally.collapsed, tally.lost, took.toMillis());
        }
        return report;
    }

    private void check(Task task, Instant now, Tally tally) {
        Task current = task;
        if (stuck.stuck(current, now)) {
            stuck.giveUp(current, now);
            return;
        }
        if (current.sla().firing() != null) {
            Optional<Task> completed = complete(current, now);
            if (completed.isEmpty()) {
                return;
            }
            current = completed.get();
        }
        SlaClock sla = current.sla();
        Optional<Checkpoint> due = current.status() == TaskStatus.OPEN ? SlaClocks.latestDue(sla, now)
                : Optional.empty();
        if (due.isEmpty()) {
            reschedule(current, now);
            return;
        }
        Checkpoint checkpoint = due.get();
        List<String> told = recipients.resolve(checkpoint.to(), sla.owners());
        Task claim = current.withSla(SlaClocks.claimed(sla, checkpoint, now, now.plus(config.retryAfter())),
                union(current.assignees(), told), now);
        Optional<Task> claimed = tasks.updateTask(claim);
        if (claimed.isEmpty()) {
            tally.lost++;
            return;
        }
        tally.fired++;
        tally.collapsed += claimed.get().sla().skipped();
        complete(claimed.get(), now);
    }

    /** Stores the firing checkpoint's effects, then clears the mark; empty if another sweep finished it. */
    private Optional<Task> complete(Task task, Instant now) {
        int firing = task.sla().firing();
        Checkpoint checkpoint = SlaClocks.checkpoints(task.sla()).get(firing);
        messages.fire(task, checkpoint, recipients.resolve(checkpoint.to(), task.sla().owners()));
        Task current = task;
        while (true) {
            Optional<Task> done = tasks.updateTask(current.withSla(SlaClocks.completed(current.sla()),
                    current.assignees(), now));
            if (done.isPresent()) {
                return done;
            }
            // A decision or a clock event changed the task meanwhile; keep it and clear the mark on top of it.
            current = tasks.findTask(task.id()).orElse(null);
            if (current == null || current.sla() == null || !Objects.equals(current.sla().firing(), firing)) {
                return Optional.empty();
            }
        }
    }

    /** A check that found nothing to fire: the task was answered, paused or stopped, or it came early. */
    private void reschedule(Task task, Instant now) {
        SlaClock sla = task.sla();
        SlaClock rescheduled = task.status() == TaskStatus.OPEN ? SlaClocks.completed(sla) : sla.stopped();
        if (!Objects.equals(rescheduled.nextCheckAt(), sla.nextCheckAt())) {
            tasks.updateTask(task.withSla(rescheduled, task.assignees(), now));
        }
    }

    private static List<String> union(List<String> assignees, List<String> more) {
        Set<String> all = new LinkedHashSet<>(assignees);
        all.addAll(more);
        return List.copyOf(all);
    }

    private static final class Tally {
        int fired;
        int collapsed;
        int lost;
    }
}
