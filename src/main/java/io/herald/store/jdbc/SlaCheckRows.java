package io.herald.store.jdbc;

import io.herald.domain.Task;
import io.herald.store.DueSlaChecks;
import java.time.Instant;
import java.util.List;

/** The reads of index {@code tasks_sla_due} that {@link DueSlaChecks} makes exact. */
final class SlaCheckRows implements DueSlaChecks.Index {

    private final StatementRunner statements;
    private final TaskTable tasks;

    SlaCheckRows(StatementRunner statements, TaskTable tasks) {
        this.statements = statements;
        this.tasks = tasks;
    }

    @Override
    public List<Task> upTo(Instant bound, int limit) {
        return statements.list("dueSlaChecks", TaskTable.SLA_CHECKS_UP_TO, s -> {
            ColumnValues.setInstant(s, 1, bound);
            s.setInt(2, limit);
        }, tasks::read);
    }

    @Override
    public List<Task> at(Instant at) {
        return statements.list("dueSlaChecks", TaskTable.SLA_CHECKS_AT, s -> ColumnValues.setInstant(s, 1, at),
                tasks::read);
    }
}
