package io.herald.store.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The partitions of the tasks' {@value TaskItems#BY_SLA_CHECK} index. A single partition takes about 1,000 writes a
 * second, and every task with an SLA clock is written there each time its next check moves; so the checks are
 * spread over {@value #COUNT} partitions by task id, read from each and merged back into one order.
 *
 * <p>Changing {@value #COUNT} moves tasks between partitions only when they are next written: tasks in a partition
 * no longer read would be missed until then.
 */
final class SlaCheckShards {

    static final int COUNT = 8;
    /** Reads of partitions under way at once, across all callers: a bound on the connections a sweep holds. */
    static final int PARALLEL_READS = 4;

    private static final ExecutorService READERS = Executors.newFixedThreadPool(PARALLEL_READS, read -> {
        Thread thread = new Thread(read, "herald-sla-check-read");
        // an idle reader must not keep a stopping process alive
        thread.setDaemon(true);
        return thread;
    });

    /** Sort keys in DynamoDB's order for strings: their UTF-8 bytes, unsigned. */
    private static final Comparator<Map<String, AttributeValue>> INDEX_ORDER = Comparator.comparing(
            item -> item.get(TaskItems.SLA_CHECK_KEY).s().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);

    private SlaCheckShards() {
    }

    /** The partition a task's check is written to: the same for every write of the task. */
    static String of(String taskId) {
        return TaskItems.SCHEDULED + "#" + Math.floorMod(taskId.hashCode(), COUNT);
    }

    static List<AttributeValue> all() {
        List<AttributeValue> shards = new ArrayList<>(COUNT);
        for (int shard = 0; shard < COUNT; shard++) {
            shards.add(AttributeValue.fromS(TaskItems.SCHEDULED + "#" + shard));
        }
        return shards;
    }

    /**
     * Reads every partition, in parallel, and merges the items in index order (check time, then id), at most
     * {@code limit}: each partition's read is in that order, so the first {@code limit} of the merge are the index's
     * first. A read that fails fails the whole with its own exception, once every read has ended.
     */
    static List<Map<String, AttributeValue>> merged(Function<AttributeValue, List<Map<String, AttributeValue>>> read,
            int limit) {
        List<CompletableFuture<List<Map<String, AttributeValue>>>> reads = new ArrayList<>(COUNT);
        for (AttributeValue shard : all()) {
            reads.add(CompletableFuture.supplyAsync(() -> read.apply(shard), READERS));
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<List<Map<String, AttributeValue>>> shardRead : reads) {
            try {
                items.addAll(shardRead.join());
            } catch (CompletionException e) {
                // the first failure in partition order; the others still run to their end, nothing is left behind
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        items.sort(INDEX_ORDER);
        return items.size() > limit ? items.subList(0, limit) : items;
    }
}
