package io.herald.dispatch;

import io.herald.domain.Notification;
import io.herald.domain.StoredEvent;
import java.util.Optional;

/**
 * Asked right before a notification is sent whether it still applies. A notification withdrawn is never sent
 * and never retried.
 */
public interface Withdrawal {

    /** @return why the notification must not be sent any more, or empty to send it */
    Optional<String> reason(Notification notification, StoredEvent event);
}
