package io.herald.notifier;

import io.herald.domain.Channel;
import io.herald.domain.Priority;
import java.util.List;

/**
 * A rendered message on one channel, for one recipient or for several who get the same text (a page of an
 * announcement), sent as one submission.
 *
 * @param submitId stable idempotency key; the same message always carries the same id
 * @param recipientRef a reference the provider echoes back in delivery reports (Herald's notification id); that of
 *        the first destination
 * @param address e-mail address, phone number (E.164) or in-app user id, depending on the channel; that of the first
 *        destination
 * @param subject e-mail subject or in-app title
 * @param html e-mail HTML body (null for other channels)
 * @param text plain text: e-mail text part, SMS text or in-app summary
 * @param customerReference correlation shown in the provider's reports (the event id)
 * @param destinations everyone the submission addresses, in order; at least one
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
        String customerReference,
        List<Destination> destinations) {

    public OutboundMessage {
        destinations = List.copyOf(destinations);
        if (destinations.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one destination");
        }
    }

    /** A message to one recipient. */
    public OutboundMessage(String submitId, String recipientRef, Channel channel, String address, String subject,
            String html, String text, Priority priority, String customerReference) {
        this(submitId, recipientRef, channel, address, subject, html, text, priority, customerReference,
                List.of(new Destination(address, recipientRef)));
    }

    /** A message to several recipients in one submission. */
    public static OutboundMessage toMany(String submitId, Channel channel, List<Destination> destinations,
            String subject, String html, String text, Priority priority, String customerReference) {
        Destination first = destinations.get(0);
        return new OutboundMessage(submitId, first.ref(), channel, first.address(), subject, html, text, priority,
                customerReference, destinations);
    }

    /**
     * One recipient of a submission.
     *
     * @param address e-mail address, phone number or in-app user id
     * @param ref what the provider's delivery reports name this recipient by
     */
    public record Destination(String address, String ref) {
    }
}
