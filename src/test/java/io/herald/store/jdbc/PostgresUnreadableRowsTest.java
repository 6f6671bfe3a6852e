package io.herald.store.jdbc;

import javax.sql.DataSource;

/** Unreadable rows on a real PostgreSQL (started by {@code bin/services}). */
class PostgresUnreadableRowsTest extends UnreadableRowsContract {

    @Override
    protected DataSource emptyDatabase() {
        return TestDatabases.emptyPostgres();
    }
}
