package io.herald.store.jdbc;

import io.herald.store.AnnouncementStore;
import io.herald.store.AnnouncementStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The announcement store contract on H2 in PostgreSQL mode, as the application runs it locally. */
class H2AnnouncementStoreTest extends AnnouncementStoreContract {

    private final List<TestDatabases.H2> databases = new ArrayList<>();

    @Override
    protected AnnouncementStore emptyStore() throws Exception {
        TestDatabases.H2 database = TestDatabases.newH2();
        databases.add(database);
        return new JdbcAnnouncementStore(database.dataSource());
    }

    @AfterEach
    void dropDatabases() throws Exception {
        for (TestDatabases.H2 database : databases) {
            database.close();
        }
    }
}
