package io.herald.dispatch;

import io.herald.domain.Notification;
import io.herald.domain.NotificationKind;
import io.herald.domain.StoredEvent;
import io.herald.domain.Task;
import io.herald.routing.RuleSet;
import io.herald.store.TaskStore;
import io.herald.task.TaskIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Finds the task a message is about, read once per send for both the last check and the rendering. Only
 * messages about a task read the store: an SLA message names its task as subject, a task rule's message derives
 * it from the event and the rule.
 */
@ApplicationScoped
public class MessageTasks {

    private final TaskStore tasks;
    private final RuleSet rules;
    private final TaskIds ids;

    public MessageTasks(TaskStore tasks, RuleSet rules, TaskIds ids) {
        this.tasks = tasks;
        this.rules = rules;
        this.ids = ids;
    }

    public Optional<Task> of(Notification notification, StoredEvent event) {
        if (notification.kind() == NotificationKind.SLA) {
            return Optional.ofNullable(event.subject()).flatMap(tasks::findTask);
        }
        return rules.raisesTask(notification.rule())
                ? tasks.findTask(ids.of(event.key(), notification.rule())) : Optional.empty();
    }
}
