package io.herald.queue;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How one queue of {@code functions.yaml} is consumed: batch size, receives before a message is dropped, FIFO; and
 * for the cloud, how many invocations work on it at once and how long one message may take.
 *
 * @param maxConcurrency in the cloud, the most invocations of the consumer at once for this queue; null for
 *        Lambda's default
 * @param messageSeconds the longest one message may take: the outside calls it may make, each at its connect and
 *        read timeouts; the consumer's timeout must fit a batch of such messages
 */
public record QueueSpec(@JsonProperty("batch_size") int batchSize,
        @JsonProperty("max_receive_count") int maxReceiveCount,
        @JsonProperty("fifo") boolean fifo,
        @JsonProperty("max_concurrency") Integer maxConcurrency,
        @JsonProperty("message_seconds") int messageSeconds) {

    public QueueSpec(int batchSize, int maxReceiveCount, boolean fifo) {
        this(batchSize, maxReceiveCount, fifo, null, 0);
    }
}
