package io.herald.store.dynamodb;

import io.herald.store.Store;
import io.herald.store.StoreContract;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract on DynamoDB, as dynalite serves its API; every store gets tables of its own. */
class DynamoDbStoreTest extends StoreContract {

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    @Override
    protected Store emptyStore() {
        return new DynamoDbStore(DYNALITE.client(), DYNALITE.createTables(), Duration.ofDays(90), Clock.systemUTC());
    }

    @AfterEach
    void dropTables() {
        DYNALITE.dropTables();
    }
}
