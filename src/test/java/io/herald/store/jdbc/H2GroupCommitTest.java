package io.herald.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** Group commit of arriving events on H2 in PostgreSQL mode, as the application runs it locally. */
class H2GroupCommitTest extends GroupCommitContract {

    private final List<TestDatabases.H2> databases = new ArrayList<>();

    @Override
    protected DataSource emptyDatabase() throws Exception {
        TestDatabases.H2 database = TestDatabases.newH2();
        databases.add(database);
        return database.dataSource();
    }

    @AfterEach
    void dropDatabases() throws Exception {
        for (TestDatabases.H2 database : databases) {
            database.close();
        }
    }
}
