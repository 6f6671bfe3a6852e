package io.herald.store.dynamodb;

import io.herald.store.AnnouncementStore;
import io.herald.store.AnnouncementStoreContract;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The announcement store contract on DynamoDB, as dynalite serves its API; every store gets a table of its own. */
class DynamoDbAnnouncementStoreTest extends AnnouncementStoreContract {

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    @Override
    protected AnnouncementStore emptyStore() {
        return new DynamoDbAnnouncementStore(DYNALITE.client(), DYNALITE.createGroupTables(), Duration.ofDays(90),
                Clock.systemUTC());
    }

    @AfterEach
    void dropTables() {
        DYNALITE.dropTables();
    }
}
