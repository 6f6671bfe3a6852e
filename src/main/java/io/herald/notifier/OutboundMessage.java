package io.herald.notifier;

import io.herald.domain.Channel;
import io.herald.domain.Priority;

/**
 * A rendered message for one recipient on one channel.
 *
 * @param submitId stable idempotency key; the same message always carries the same id
 * @param recipientRef a reference the provider echoes back in delivery reports (Herald's notification id)
 * @param address e-mail address, phone number (E.164) or in-app user id, depending on the channel
 * @param subject e-mail subject or in-app title
 * @param html e-mail HTML body (null for other channels)
 * @param text plain text: e-mail text part, SMS text or in-app summary
 * @param customerReference correlation shown in the provider's reports (the event id)
 */
public record OutboundMessage(
        String submitId,
        String recipientRef,
        Channel channel,
        String address,
        String subject,
        String html,
        String text,
        Priority priority,
        String customerReference) {
}
