package io.herald.store.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.store.TaskStore;
import io.herald.task.TaskStoreContract;

/** The task store contract on a real PostgreSQL (started by {@code bin/services}). */
class PostgresTaskStoreTest extends TaskStoreContract {

    @Override
    protected TaskStore emptyStore() {
        return new JdbcTaskStore(TestDatabases.emptyPostgresTaskTables(), new ObjectMapper());
    }
}
