package io.herald.store.dynamodb;

import io.herald.store.GroupStoreContract;
import io.herald.store.GroupStore;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The group store contract on DynamoDB, as dynalite serves its API; every store gets a table of its own. */
class DynamoDbGroupStoreTest extends GroupStoreContract {

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    @Override
    protected GroupStore emptyStore() {
        return new DynamoDbGroupStore(DYNALITE.client(), DYNALITE.createGroupTables(), Duration.ofDays(90),
                Clock.systemUTC());
    }

    @AfterEach
    void dropTables() {
        DYNALITE.dropTables();
    }
}
