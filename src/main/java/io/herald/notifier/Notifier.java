package io.herald.notifier;

import io.herald.domain.Channel;

/**
 * Sends messages through OpenText Notifications (or a stand-in speaking its wire format).
 *
 * <p>Submitting the same {@link OutboundMessage#submitId()} twice must not make the provider deliver twice:
 * implementations pass it as the provider's idempotency key. Implementations are thread-safe.
 */
public interface Notifier {

    SubmitReceipt submit(OutboundMessage message) throws SendFailure;

    /** Asks the provider what became of a submitted job, for the delivery to {@code recipientRef}. */
    DeliveryReport status(Channel channel, String jobId, String recipientRef) throws SendFailure;
}
