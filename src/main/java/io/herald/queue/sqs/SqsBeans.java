package io.herald.queue.sqs;

import io.herald.queue.QueueDeclarations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SQS adapter's beans. Nothing asks for them unless {@code herald.queue.kind} is {@code sqs}, so in-process
 * mode never builds an SQS client.
 */
@ApplicationScoped
class SqsBeans {

    @Produces
    @Singleton
    SqsQueueUrls urls(SqsClient sqs, SqsQueueConfig config) {
        return new SqsQueueUrls(sqs, config.namePrefix(), config.url());
    }

    /** Typed to its class only: the one {@code WorkQueue} bean is the queue {@code herald.queue.kind} selects. */
    @Produces
    @Singleton
    @Typed(SqsQueue.class)
    SqsQueue queue(SqsClient sqs, SqsQueueUrls urls, QueueDeclarations manifest) {
        return new SqsQueue(sqs, urls, manifest);
    }
}
