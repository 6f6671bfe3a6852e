package io.herald.queue.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.queue.QueueConsumer;
import io.herald.queue.SqsBatches;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One message of a batch failing is reported for redelivery alone; the others are still handed on. */
class SqsBatchesTest {

    private final List<String> consumed = new ArrayList<>();

    private final QueueConsumer failsOnB = new QueueConsumer() {
        @Override
        public String queue() {
            return "dispatch";
        }

        @Override
        public void consume(String body) {
            consumed.add(body);
            if (body.equals("b")) {
                throw new IllegalStateException("the store is unavailable");
            }
        }
    };

    @Test
    void onlyTheMessageWhoseConsumerThrewIsReported() {
        List<Map.Entry<String, String>> batch = List.of(Map.entry("m-1", "a"), Map.entry("m-2", "b"),
                Map.entry("m-3", "c"));

        List<String> failed = SqsBatches.failedIds(batch, Map.Entry::getKey, Map.Entry::getValue, failsOnB);

        assertThat(failed).containsExactly("m-2");
        assertThat(consumed).containsExactly("a", "b", "c");
    }
}
