package io.herald.store.jdbc;

import javax.sql.DataSource;

/** Group commit of arriving events on a real PostgreSQL (started by {@code bin/services}). */
class PostgresGroupCommitTest extends GroupCommitContract {

    @Override
    protected DataSource emptyDatabase() {
        return TestDatabases.emptyPostgres();
    }
}
