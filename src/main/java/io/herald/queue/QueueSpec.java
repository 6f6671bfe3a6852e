package io.herald.queue;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How one queue of {@code functions.yaml} is consumed: batch size, receives before a message is dropped, FIFO. */
public record QueueSpec(@JsonProperty("batch_size") int batchSize,
        @JsonProperty("max_receive_count") int maxReceiveCount,
        @JsonProperty("fifo") boolean fifo) {
}
