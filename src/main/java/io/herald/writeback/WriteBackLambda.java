package io.herald.writeback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.herald.queue.SqsBatches;
import jakarta.inject.Named;

/** The writeback function on AWS Lambda, fed batches by the writeback queue's SQS event source mapping. */
@Named("writeback")
public class WriteBackLambda implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final WriteBackConsumer consumer;

    public WriteBackLambda(WriteBackConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatches.process(event, consumer);
    }
}
