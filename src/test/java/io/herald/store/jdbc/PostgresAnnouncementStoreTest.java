package io.herald.store.jdbc;

import io.herald.store.AnnouncementStore;
import io.herald.store.AnnouncementStoreContract;

/** The announcement store contract on a real PostgreSQL (started by {@code bin/services}). */
class PostgresAnnouncementStoreTest extends AnnouncementStoreContract {

    @Override
    protected AnnouncementStore emptyStore() {
        return new JdbcAnnouncementStore(TestDatabases.emptyPostgresAnnouncementTables());
    }
}
