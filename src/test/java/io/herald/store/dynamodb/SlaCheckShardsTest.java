package io.herald.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The partitions of the SLA check index are read in parallel, a bounded number at once, and merged in order. */
class SlaCheckShardsTest {

    @Test
    void partitionsAreReadInParallelButNoMoreThanTheBoundAtOnce() {
        // each read waits for PARALLEL_READS reads to be under way together: read in turn, the first would time out
        CyclicBarrier together = new CyclicBarrier(SlaCheckShards.PARALLEL_READS);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Set<String> read = ConcurrentHashMap.newKeySet();

        List<Map<String, AttributeValue>> merged = SlaCheckShards.merged(shard -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                together.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("reads did not run together", e);
            } finally {
                running.decrementAndGet();
            }
            read.add(shard.s());
            return List.of(item(shard.s()));
        }, Integer.MAX_VALUE);

        assertThat(read).hasSize(SlaCheckShards.COUNT);
        assertThat(mostAtOnce.get()).isEqualTo(SlaCheckShards.PARALLEL_READS);
        assertThat(merged).hasSize(SlaCheckShards.COUNT);
    }

    @Test
    void theMergeIsInIndexOrderAndLimited() {
        List<Map<String, AttributeValue>> merged = SlaCheckShards.merged(shard -> {
            int n = Integer.parseInt(shard.s().substring(shard.s().indexOf('#') + 1));
            // partition n holds keys n and n + 8, so the index order interleaves all partitions
            return List.of(item(String.format("%02d", n)), item(String.format("%02d", n + SlaCheckShards.COUNT)));
        }, 5);

        assertThat(merged).extracting(item -> item.get(TaskItems.SLA_CHECK_KEY).s())
                .containsExactly("00", "01", "02", "03", "04");
    }

    @Test
    void aFailedReadFailsTheMergeWithItsOwnException() {
        IllegalStateException throttled = new IllegalStateException("partition 3 throttled");

        assertThatThrownBy(() -> SlaCheckShards.merged(shard -> {
            if (shard.s().endsWith("#3")) {
                throw throttled;
            }
            return List.of();
        }, 10)).isSameAs(throttled);
    }

    private static Map<String, AttributeValue> item(String key) {
        return Map.of(TaskItems.SLA_CHECK_KEY, AttributeValue.fromS(key));
    }
}
