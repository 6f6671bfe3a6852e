package io.herald.dispatch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.herald.queue.SqsBatches;
import jakarta.inject.Named;

/** The dispatch function on AWS Lambda, fed batches by the dispatch queue's SQS event source mapping. */
@Named("dispatch")
public class DispatchLambda implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final DispatchConsumer consumer;

    public DispatchLambda(DispatchConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatches.process(event, consumer);
    }
}
