package io.herald.queue.sqs;

import io.herald.queue.QueueConsumer;
import io.herald.queue.SqsBatches;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One queue as the {@link SqsPoller} works it, doing what Lambda's event source mapping does: receive a batch,
 * hand it to the queue's consumer, delete the messages that succeeded. A failed message stays; it shows up again
 * once its visibility timeout ends, and the queue's redrive policy moves it to the dead-letter queue after its
 * last allowed receive.
 */
final class PolledQueue {

    private static final Logger LOG = Logger.getLogger(PolledQueue.class);

    /** The most messages SQS hands out per receive. */
    static final int MAX_BATCH = 10;

    private final SqsClient sqs;
    private final SqsQueueUrls urls;
    private final QueueConsumer consumer;
    private final int batchSize;
    private final int visibilitySeconds;

    PolledQueue(SqsClient sqs, SqsQueueUrls urls, QueueConsumer consumer, int batchSize, int visibilitySeconds) {
        this.sqs = sqs;
        this.urls = urls;
        this.consumer = consumer;
        // Lambda takes larger batches by gathering several receives; one receive is enough here.
        this.batchSize = Math.max(1, Math.min(MAX_BATCH, batchSize));
        this.visibilitySeconds = visibilitySeconds;
    }

    String name() {
        return consumer.queue();
    }

    /** Waits up to {@code waitSeconds} for messages; the batch may be empty. */
    List<Message> receive(int waitSeconds) {
        return sqs.receiveMessage(request -> request.queueUrl(urls.url(name())).maxNumberOfMessages(batchSize)
                .waitTimeSeconds(waitSeconds).visibilityTimeout(visibilitySeconds)).messages();
    }

    /** Hands the batch to the consumer and deletes the messages it finished. */
    void process(List<Message> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Set<String> failed = new HashSet<>(
                SqsBatches.failedIds(batch, Message::messageId, Message::body, consumer));
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : batch) {
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            warnAbout(sqs.deleteMessageBatch(request -> request.queueUrl(urls.url(name())).entries(done)).failed(),
                    "could not be deleted and will be delivered again");
        }
    }

    /** Makes the batch visible again at once, for another receiver to take. */
    void release(List<Message> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (Message message : batch) {
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(entries.size()))
                    .receiptHandle(message.receiptHandle()).visibilityTimeout(0).build());
        }
        warnAbout(sqs.changeMessageVisibilityBatch(request -> request.queueUrl(urls.url(name())).entries(entries))
                .failed(), "could not be released and shows up again after its visibility timeout");
    }

    private void warnAbout(List<BatchResultErrorEntry> failures, String consequence) {
        for (BatchResultErrorEntry failure : failures) {
            LOG.warnf("a message of queue %s %s: %s %s", name(), consequence, failure.code(), failure.message());
        }
    }
}
