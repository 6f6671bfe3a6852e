package io.herald.notifier;

import io.herald.domain.Channel;
import java.util.List;
import java.util.Map;

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

    /**
     * Asks the provider, in one call, what became of every delivery of a job submitted to several destinations (a
     * page of an announcement).
     *
     * @param recipientRefs the refs the submission gave its destinations
     * @return a report for each of {@code recipientRefs}, in their order: {@link DeliveryReport.Outcome#IN_PROGRESS}
     *         with a null state for one the provider does not list yet
     */
    Map<String, DeliveryReport> statuses(Channel channel, String jobId, List<String> recipientRefs)
            throws SendFailure;

    /**
     * Reads a delivery-status push the provider sent to Herald's webhook.
     *
     * @return the report of every delivery the push names, by the recipient reference given at submission
     * @throws IllegalArgumentException when the body is not the provider's status format
     */
    Map<String, DeliveryReport> readStatusPush(byte[] body);
}
