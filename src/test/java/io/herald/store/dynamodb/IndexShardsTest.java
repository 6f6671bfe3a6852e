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

/**
 * An index key spread over partitions: each item keeps its partition, the partitions are read in parallel, a bounded
 * number at once, and merged in the index's order.
 */
class IndexShardsTest {

    private static final String KEY = "sort_key";

    @Test
    void anItemsPartitionComesFromItsIdAsJavaHashesIt() {
        // String.hashCode of each id, worked out by hand, modulo 8
        assertThat(IndexShards.of("scheduled", "task-1")).isEqualTo("scheduled#1"); // -880874007
        assertThat(IndexShards.of("ROUTED", "/xconnector/erp/s4-logistics\nshp-1001-delayed-1"))
                .isEqualTo("ROUTED#7"); // 1490287735
        assertThat(IndexShards.of("PENDING", "0b3f6d7e-1c2a-4f5e-8d9c-7a6b5c4d3e2f"))
                .isEqualTo("PENDING#6"); // -391672474
    }

    @Test
    void partitionsAreReadInParallelButNoMoreThanTheBoundAtOnce() {
        // each read waits for PARALLEL_READS reads to be under way together: read in turn, the first would time out
        CyclicBarrier together = new CyclicBarrier(IndexShards.PARALLEL_READS);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Set<String> read = ConcurrentHashMap.newKeySet();

        List<Map<String, AttributeValue>> merged = IndexShards.merged("scheduled", shard -> {
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
        }, IndexShards.byString(KEY), Integer.MAX_VALUE);

        assertThat(read).hasSize(IndexShards.COUNT).allMatch(shard -> shard.startsWith("scheduled#"));
        assertThat(mostAtOnce.get()).isEqualTo(IndexShards.PARALLEL_READS);
        assertThat(merged).hasSize(IndexShards.COUNT);
    }

    @Test
    void theMergeIsInIndexOrderAndLimited() {
        List<Map<String, AttributeValue>> merged = IndexShards.merged("scheduled", shard -> {
            int n = Integer.parseInt(shard.s().substring(shard.s().indexOf('#') + 1));
            // partition n holds keys n and n + 8, so the index order interleaves all partitions
            return List.of(item(String.format("%02d", n)), item(String.format("%02d", n + IndexShards.COUNT)));
        }, IndexShards.byString(KEY), 5);

        assertThat(merged).extracting(item -> item.get(KEY).s())
                .containsExactly("00", "01", "02", "03", "04");
    }

    @Test
    void numberKeysMergeByValueNotByTheirDigits() {
        List<Map<String, AttributeValue>> merged = IndexShards.merged("RECEIVED", shard -> {
            int n = Integer.parseInt(shard.s().substring(shard.s().indexOf('#') + 1));
            // 9 before 10 before 100, whatever the partition
            return List.of(number(n == 0 ? "100" : n == 1 ? "9" : n == 2 ? "10" : Integer.toString(1000 + n)));
        }, IndexShards.byNumber(KEY), 3);

        assertThat(merged).extracting(item -> item.get(KEY).n()).containsExactly("9", "10", "100");
    }

    @Test
    void aFailedReadFailsTheMergeWithItsOwnException() {
        IllegalStateException throttled = new IllegalStateException("partition 3 throttled");

        assertThatThrownBy(() -> IndexShards.merged("scheduled", shard -> {
            if (shard.s().endsWith("#3")) {
                throw throttled;
            }
            return List.of();
        }, IndexShards.byString(KEY), 10)).isSameAs(throttled);
    }

    private static Map<String, AttributeValue> item(String key) {
        return Map.of(KEY, AttributeValue.fromS(key));
    }

    private static Map<String, AttributeValue> number(String value) {
        return Map.of(KEY, AttributeValue.fromN(value));
    }
}
