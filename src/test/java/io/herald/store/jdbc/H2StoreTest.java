package io.herald.store.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.store.Store;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The store contract on H2 in PostgreSQL mode, as the application runs it locally. */
class H2StoreTest extends TransactionalStoreContract {

    private final List<TestDatabases.H2> databases = new ArrayList<>();

    @Override
    protected Store emptyStore() throws Exception {
        TestDatabases.H2 database = TestDatabases.newH2();
        databases.add(database);
        return new JdbcStore(database.dataSource(), new ObjectMapper());
    }

    @AfterEach
    void dropDatabases() throws Exception {
        for (TestDatabases.H2 database : databases) {
            database.close();
        }
    }
}
