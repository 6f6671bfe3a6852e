package io.herald.store.dynamodb;

import io.herald.store.TaskStore;
import io.herald.task.TaskStoreContract;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The task store contract on DynamoDB, as dynalite serves its API; every store gets tables of its own. */
class DynamoDbTaskStoreTest extends TaskStoreContract {

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    @Override
    protected TaskStore emptyStore() {
        return new DynamoDbTaskStore(DYNALITE.client(), DYNALITE.createTaskTables(), Duration.ofDays(90),
                Clock.systemUTC());
    }

    @AfterEach
    void dropTables() {
        DYNALITE.dropTables();
    }
}
