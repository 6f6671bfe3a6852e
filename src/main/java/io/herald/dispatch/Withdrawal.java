package io.herald.dispatch;

import io.herald.domain.Notification;
import io.herald.domain.StoredEvent;
import io.herald.domain.Task;
import java.util.Optional;

/**
 * Asked right before a notification is sent whether it still applies. A notification withdrawn is never sent
 * and never retried.
 */
public interface Withdrawal {

    /**
     * @param task the task the message is about, as just read ({@link MessageTasks}), if any
     * @return why the notification must not be sent any more, or empty to send it
     */
    Optional<String> reason(Notification notification, StoredEvent event, Optional<Task> task);
}
