package io.herald.store.dynamodb;

import io.herald.domain.Task;
import io.herald.store.DueSlaChecks;
import io.herald.store.UnreadableRows;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The reads of the tasks' {@value TaskItems#BY_SLA_CHECK} index that {@link DueSlaChecks} makes exact. */
final class SlaCheckQueries implements DueSlaChecks.Index {

    private static final AttributeValue SCHEDULED = AttributeValue.fromS(TaskItems.SCHEDULED);

    private final Calls calls;
    private final String table;

    SlaCheckQueries(Calls calls, String table) {
        this.calls = calls;
        this.table = table;
    }

    @Override
    public List<Task> upTo(Instant bound, int limit) {
        QueryRequest earliestFirst = Queries.range(table, TaskItems.BY_SLA_CHECK, TaskItems.SLA_CHECK, SCHEDULED,
                TaskItems.SLA_CHECK_KEY, "<", AttributeValue.fromS(Keys.timeOrderedAfter(bound)));
        return UnreadableRows.readEach("dueSlaChecks", calls.query("dueSlaChecks", earliestFirst, limit), TaskItems::task);
    }

    @Override
    public List<Task> at(Instant at) {
        QueryRequest inIdOrder = Queries.prefix(table, TaskItems.BY_SLA_CHECK, TaskItems.SLA_CHECK, SCHEDULED,
                TaskItems.SLA_CHECK_KEY, Keys.timeOrderedPrefix(at));
        return UnreadableRows.readEach("dueSlaChecks", calls.queryAll("dueSlaChecks", inIdOrder), TaskItems::task);
    }
}
