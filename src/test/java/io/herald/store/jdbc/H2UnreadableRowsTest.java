package io.herald.store.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** Unreadable rows on H2 in PostgreSQL mode, as the application runs it locally. */
class H2UnreadableRowsTest extends UnreadableRowsContract {

    private TestDatabases.H2 database;

    @Override
    protected DataSource emptyDatabase() throws Exception {
        database = TestDatabases.newH2();
        return database.dataSource();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }
}
