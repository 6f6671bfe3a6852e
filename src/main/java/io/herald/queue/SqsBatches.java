package io.herald.queue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Hands each message of an SQS batch to a queue consumer and reports only the failed ones, so that SQS (with
 * {@code ReportBatchItemFailures}, or the {@code SqsPoller} outside Lambda) redelivers just those and deletes the
 * rest.
 */
public final class SqsBatches {

    private static final Logger LOG = Logger.getLogger(SqsBatches.class);

    private SqsBatches() {
    }

    /** A batch delivered by Lambda's event source mapping. */
    public static SQSBatchResponse process(SQSEvent event, QueueConsumer consumer) {
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<SQSBatchResponse.BatchItemFailure> failures = failedIds(records, SQSEvent.SQSMessage::getMessageId,
                SQSEvent.SQSMessage::getBody, consumer).stream()
                .map(id -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build())
                .toList();
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /**
     * Hands every message to {@code consumer}, in batch order, one after the other; one message failing does not
     * stop the others.
     *
     * @return the ids of the messages whose consumer threw, in batch order
     */
    public static <M> List<String> failedIds(List<M> messages, Function<M, String> id, Function<M, String> body,
            QueueConsumer consumer) {
        List<String> failed = new ArrayList<>();
        for (M message : messages) {
            try {
                consumer.consume(body.apply(message));
            } catch (Exception e) {
                LOG.warnf(e, "message %s of queue %s failed; SQS will deliver it again", id.apply(message),
                        consumer.queue());
                failed.add(id.apply(message));
            }
        }
        return failed;
    }
}
