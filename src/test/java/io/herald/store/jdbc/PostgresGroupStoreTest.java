package io.herald.store.jdbc;

import io.herald.store.GroupStoreContract;
import io.herald.store.GroupStore;

/** The group store contract on a real PostgreSQL (started by {@code bin/services}). */
class PostgresGroupStoreTest extends GroupStoreContract {

    @Override
    protected GroupStore emptyStore() {
        return new JdbcGroupStore(TestDatabases.emptyPostgresGroupTables());
    }
}
