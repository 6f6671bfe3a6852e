package io.herald.queue.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.herald.queue.QueueConsumer;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Hands each message of an SQS batch to a queue consumer and reports only the failed ones, so that SQS (with
 * {@code ReportBatchItemFailures}) redelivers just those and deletes the rest.
 */
public final class SqsBatches {

    private static final Logger LOG = Logger.getLogger(SqsBatches.class);

    private SqsBatches() {
    }

    public static SQSBatchResponse process(SQSEvent event, QueueConsumer consumer) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            try {
                consumer.consume(message.getBody());
            } catch (Exception e) {
                LOG.warnf(e, "message %s of queue %s failed; SQS will deliver it again", message.getMessageId(),
                        consumer.queue());
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
