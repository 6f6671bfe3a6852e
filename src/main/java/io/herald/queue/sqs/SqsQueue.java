package io.herald.queue.sqs;

import io.herald.queue.QueueDeclarations;
import io.herald.queue.QueueSpec;
import io.herald.queue.WorkQueue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The queue of the cloud and of servers: every queue of {@code functions.yaml} is an SQS standard queue.
 *
 * <p>SQS delays a message by whole seconds and by at most {@link #MAX_DELAY}. A delay is rounded up, so a
 * message never arrives before its work is due; a longer delay is cut to the maximum, and the consumer, finding
 * the work not yet due, sends the message on again.
 */
public class SqsQueue implements WorkQueue {

    private static final Logger LOG = Logger.getLogger(SqsQueue.class);

    /** The longest delay SQS accepts for a message. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private static final List<QueueAttributeName> WAITING = List.of(
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);

    private final SqsClient sqs;
    private final SqsQueueUrls urls;
    private final Set<String> queues;

    /** @throws IllegalStateException when {@code functions.yaml} declares a FIFO queue, which this adapter lacks */
    public SqsQueue(SqsClient sqs, SqsQueueUrls urls, QueueDeclarations manifest) {
        this.sqs = sqs;
        this.urls = urls;
        this.queues = Set.copyOf(manifest.queues().keySet());
        for (Map.Entry<String, QueueSpec> queue : manifest.queues().entrySet()) {
            if (queue.getValue().fifo()) {
                // A FIFO queue needs a .fifo name, a message group and no per-message delay.
                throw new IllegalStateException("queue '" + queue.getKey()
                        + "' of functions.yaml is FIFO; the SQS queue adapter supports standard queues only");
            }
        }
    }

    /**
     * @throws IllegalArgumentException when {@code functions.yaml} declares no such queue
     * @throws SdkException when SQS does not take the message
     */
    @Override
    public void send(String queue, String body, Duration delay) {
        if (!queues.contains(queue)) {
            throw new IllegalArgumentException("no queue '" + queue + "' in functions.yaml");
        }
        int delaySeconds = delaySeconds(delay);
        String id = sqs.sendMessage(request -> request.queueUrl(urls.url(queue)).messageBody(body)
                .delaySeconds(delaySeconds)).messageId();
        LOG.debugf("sent message %s to queue %s with a delay of %d s: %s", id, queue, delaySeconds, body);
    }

    /** Visible, delayed and in-flight messages together, as SQS estimates them; -1 when SQS cannot be asked. */
    @Override
    public long depth(String queue) {
        if (!queues.contains(queue)) {
            return -1;
        }
        try {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request
                    .queueUrl(urls.url(queue)).attributeNames(WAITING)).attributes();
            long depth = 0;
            for (QueueAttributeName name : WAITING) {
                depth += Long.parseLong(attributes.getOrDefault(name, "0"));
            }
            return depth;
        } catch (SdkException | NumberFormatException e) {
            LOG.debugf(e, "depth of queue %s unavailable", queue);
            return -1;
        }
    }

    /** The delay in whole seconds SQS accepts: rounded up, at least 0 and at most {@link #MAX_DELAY}. */
    static int delaySeconds(Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            return 0;
        }
        if (delay.compareTo(MAX_DELAY) >= 0) {
            return (int) MAX_DELAY.toSeconds();
        }
        long seconds = delay.toSeconds();
        return (int) (delay.toNanosPart() > 0 ? seconds + 1 : seconds);
    }
}
