package io.herald.store.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.store.TaskStore;
import io.herald.task.TaskStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The task store contract on H2 in PostgreSQL mode, as the application runs it locally. */
class H2TaskStoreTest extends TaskStoreContract {

    private final List<TestDatabases.H2> databases = new ArrayList<>();

    @Override
    protected TaskStore emptyStore() throws Exception {
        TestDatabases.H2 database = TestDatabases.newH2();
        databases.add(database);
        return new JdbcTaskStore(database.dataSource(), new ObjectMapper());
    }

    @AfterEach
    void dropDatabases() throws Exception {
        for (TestDatabases.H2 database : databases) {
            database.close();
        }
    }
}
