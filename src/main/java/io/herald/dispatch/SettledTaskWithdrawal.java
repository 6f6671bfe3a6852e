package io.herald.dispatch;

import io.herald.domain.Notification;
import io.herald.domain.NotificationKind;
import io.herald.domain.SlaClockState;
import io.herald.domain.StoredEvent;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;

/**
 * Withdraws an SLA message whose task no longer needs it: answered, or its clock paused or stopped since the
 * checkpoint fired. Nobody is reminded of a task already answered, however long the message waited.
 */
@ApplicationScoped
public class SettledTaskWithdrawal implements Withdrawal {

    @Override
    public Optional<String> reason(Notification notification, StoredEvent event, Optional<Task> found) {
        if (notification.kind() != NotificationKind.SLA) {
            return Optional.empty();
        }
        Task task = found.orElse(null);
        if (task == null) {
            return Optional.of("task " + event.subject() + " no longer exists");
        }
        if (task.status() == TaskStatus.ANSWERED) {
            return Optional.of("task " + task.id() + " was answered: " + task.decision().action() + " by "
                    + task.decision().actor());
        }
        if (task.sla() != null && task.sla().state() != SlaClockState.RUNNING) {
            return Optional.of("the SLA clock of task " + task.id() + " is "
                    + task.sla().state().name().toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }
}
