package io.herald.store.dynamodb;

import java.math.BigDecimal;
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
 * One partition key of an index spread over {@value #COUNT}: {@code <value>#<n>}, n from the item's id. A single
 * partition takes about 1,000 writes a second, and the keys of Herald's busy indexes are few (a status, "scheduled")
 * while every event, notification or task with an SLA clock is written under one of them; so each is spread, read
 * from each of its partitions and merged back into one order.
 *
 * <p>Changing {@value #COUNT} moves items between partitions only when they are next written: items in a partition
 * no longer read would be missed until then.
 */
final class IndexShards {

    static final int COUNT = 8;
    /** Reads of partitions under way at once, across all callers: a bound on the connections a query holds. */
    static final int PARALLEL_READS = 4;

    private static final ExecutorService READERS = Executors.newFixedThreadPool(PARALLEL_READS, read -> {
        Thread thread = new Thread(read, "herald-index-read");
        // an idle reader must not keep a stopping process alive
        thread.setDaemon(true);
        return thread;
    });

    private IndexShards() {
    }

    /** The partition an item is written to under {@code value}: the same for every write of the item. */
    static String of(String value, String id) {
        return value + "#" + Math.floorMod(id.hashCode(), COUNT);
    }

    static List<AttributeValue> all(String value) {
        List<AttributeValue> shards = new ArrayList<>(COUNT);
        for (int shard = 0; shard < COUNT; shard++) {
            shards.add(AttributeValue.fromS(value + "#" + shard));
        }
        return shards;
    }

    /** Items in DynamoDB's order of a string sort key: its UTF-8 bytes, unsigned. */
    static Comparator<Map<String, AttributeValue>> byString(String attribute) {
        return Comparator.comparing(item -> item.get(attribute).s().getBytes(StandardCharsets.UTF_8),
                Arrays::compareUnsigned);
    }

    /** Items in DynamoDB's order of a number sort key. */
    static Comparator<Map<String, AttributeValue>> byNumber(String attribute) {
        return Comparator.comparing(item -> new BigDecimal(item.get(attribute).n()));
    }

    /**
     * Reads every partition of {@code value}, in parallel, and merges the items in {@code order}, at most
     * {@code limit}: each partition's read must be in that order, so the first {@code limit} of the merge are the
     * index's first. A read that fails fails the whole with its own exception, once every read has ended.
     */
    static List<Map<String, AttributeValue>> merged(String value,
            Function<AttributeValue, List<Map<String, AttributeValue>>> read,
            Comparator<Map<String, AttributeValue>> order, int limit) {
        List<CompletableFuture<List<Map<String, AttributeValue>>>> reads = new ArrayList<>(COUNT);
        for (AttributeValue shard : all(value)) {
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
        items.sort(order);
        return items.size() > limit ? items.subList(0, limit) : items;
    }
}
