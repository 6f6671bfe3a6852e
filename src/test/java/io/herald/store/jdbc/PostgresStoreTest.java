package io.herald.store.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.store.Store;

/** The store contract on a real PostgreSQL (started by {@code bin/services}). */
class PostgresStoreTest extends TransactionalStoreContract {

    @Override
    protected Store emptyStore() {
        return new JdbcStore(TestDatabases.emptyPostgres(), new ObjectMapper());
    }
}
