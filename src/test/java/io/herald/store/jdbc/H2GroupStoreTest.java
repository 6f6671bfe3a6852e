package io.herald.store.jdbc;

import io.herald.store.GroupStoreContract;
import io.herald.store.GroupStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The group store contract on H2 in PostgreSQL mode, as the application runs it locally. */
class H2GroupStoreTest extends GroupStoreContract {

    private final List<TestDatabases.H2> databases = new ArrayList<>();

    @Override
    protected GroupStore emptyStore() throws Exception {
        TestDatabases.H2 database = TestDatabases.newH2();
        databases.add(database);
        return new JdbcGroupStore(database.dataSource());
    }

    @AfterEach
    void dropDatabases() throws Exception {
        for (TestDatabases.H2 database : databases) {
            database.close();
        }
    }
}
