package io.herald.queue.sqs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** How Herald finds and polls its SQS queues when {@code herald.queue.kind} is {@code sqs}. */
@ConfigMapping(prefix = "herald.queue.sqs")
public interface SqsQueueConfig {

    /** Put before a queue name of {@code functions.yaml} to give the SQS queue's name. */
    @WithDefault("herald-")
    String namePrefix();

    /** Queue URLs by queue name of {@code functions.yaml}; a queue listed here is not looked up by name. */
    Map<String, String> url();

    /**
     * Whether this process receives from the queues itself. Servers do; Lambda deployments don't, because there
     * the event source mappings deliver the batches.
     */
    @WithDefault("false")
    boolean poll();

    /**
     * How long a received message stays hidden from other receivers; a message that failed shows up again after
     * this long. Longer than a batch takes to process, or its messages are processed twice.
     */
    @WithDefault("PT3M")
    Duration visibilityTimeout();

    /** Threads receiving from each queue, each with one batch in hand at a time. */
    @WithDefault("1")
    int pollerThreads();
}
