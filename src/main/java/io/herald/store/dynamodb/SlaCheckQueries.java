package io.herald.store.dynamodb;

import io.herald.domain.Task;
import io.herald.store.DueSlaChecks;
import io.herald.store.UnreadableRows;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reads of the tasks' {@value TaskItems#BY_SLA_CHECK} index that {@link DueSlaChecks} makes exact, over all
 * its partitions ({@link IndexShards}).
 */
final class SlaCheckQueries implements DueSlaChecks.Index {

    /** Check time, then task id: the sort key's order. */
    private static final Comparator<Map<String, AttributeValue>> INDEX_ORDER =
            IndexShards.byString(TaskItems.SLA_CHECK_KEY);

    private final GuardedDynamoDbClient calls;
    private final String table;

    SlaCheckQueries(GuardedDynamoDbClient calls, String table) {
        this.calls = calls;
        this.table = table;
    }

    @Override
    public List<Task> upTo(Instant bound, int limit) {
        AttributeValue after = AttributeValue.fromS(Keys.timeOrderedAfter(bound));
        List<Map<String, AttributeValue>> earliestFirst = IndexShards.merged(TaskItems.SCHEDULED,
                shard -> calls.query("dueSlaChecks", Queries.range(table, TaskItems.BY_SLA_CHECK, TaskItems.SLA_CHECK,
                        shard, TaskItems.SLA_CHECK_KEY, "<", after), limit), INDEX_ORDER, limit);
        return UnreadableRows.readEach("dueSlaChecks", earliestFirst, TaskItems::task);
    }

    @Override
    public List<Task> at(Instant at) {
        List<Map<String, AttributeValue>> inIdOrder = IndexShards.merged(TaskItems.SCHEDULED,
                shard -> calls.queryAll("dueSlaChecks", Queries.prefix(table, TaskItems.BY_SLA_CHECK,
                        TaskItems.SLA_CHECK, shard, TaskItems.SLA_CHECK_KEY, Keys.timeOrderedPrefix(at))),
                INDEX_ORDER, Integer.MAX_VALUE);
        return UnreadableRows.readEach("dueSlaChecks", inIdOrder, TaskItems::task);
    }
}
