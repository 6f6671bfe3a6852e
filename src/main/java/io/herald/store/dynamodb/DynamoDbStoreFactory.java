package io.herald.store.dynamodb;

import io.herald.store.AnnouncementStore;
import io.herald.store.GroupStore;
import io.herald.store.Store;
import io.herald.store.TaskStore;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the {@link Store} and the {@link TaskStore} on DynamoDB with the client Quarkus configures
 * ({@code quarkus.dynamodb.*}: endpoint override, region, credentials) and the tables
 * {@code herald.dynamodb.table-prefix} names.
 */
@ApplicationScoped
public class DynamoDbStoreFactory {

    // An Instance, so that the client is built only when the DynamoDB store is, never for a JDBC kind.
    private final InjectableInstance<DynamoDbClient> client;
    private final Clock clock;
    private final String tablePrefix;
    private final Duration retention;
    private final boolean createTables;

    DynamoDbStoreFactory(InjectableInstance<DynamoDbClient> client, Clock clock,
            @ConfigProperty(name = "herald.dynamodb.table-prefix", defaultValue = "herald-") String tablePrefix,
            @ConfigProperty(name = "herald.dynamodb.retention", defaultValue = "P90D") Duration retention,
            @ConfigProperty(name = "herald.dynamodb.create-tables", defaultValue = "false") boolean createTables) {
        this.client = client;
        this.clock = clock;
        this.tablePrefix = tablePrefix;
        this.retention = retention;
        this.createTables = createTables;
    }

    /**
     * Builds the client and the store, first creating missing tables if {@code herald.dynamodb.create-tables}
     * is true.
     */
    public Store create() {
        DynamoDbTables tables = DynamoDbTables.withPrefix(tablePrefix);
        DynamoDbClient dynamoDb = client.get();
        if (createTables) {
            DynamoDbSchema.createMissing(dynamoDb, tables);
        }
        return new DynamoDbStore(dynamoDb, tables, retention, clock);
    }

    /** The task store, likewise creating missing task tables first if asked to. */
    public TaskStore createTaskStore() {
        DynamoDbTables tables = DynamoDbTables.withPrefix(tablePrefix);
        DynamoDbClient dynamoDb = client.get();
        if (createTables) {
            DynamoDbSchema.createMissingTaskTables(dynamoDb, tables);
        }
        return new DynamoDbTaskStore(dynamoDb, tables, retention, clock);
    }

    /** The group store, likewise creating its missing table first if asked to. */
    public GroupStore createGroupStore() {
        DynamoDbTables tables = DynamoDbTables.withPrefix(tablePrefix);
        DynamoDbClient dynamoDb = client.get();
        if (createTables) {
            DynamoDbSchema.createMissingGroupTables(dynamoDb, tables);
        }
        return new DynamoDbGroupStore(dynamoDb, tables, retention, clock);
    }

    /** The announcement store, in the group store's table, likewise creating it first if asked to. */
    public AnnouncementStore createAnnouncementStore() {
        DynamoDbTables tables = DynamoDbTables.withPrefix(tablePrefix);
        DynamoDbClient dynamoDb = client.get();
        if (createTables) {
            DynamoDbSchema.createMissingGroupTables(dynamoDb, tables);
        }
        return new DynamoDbAnnouncementStore(dynamoDb, tables, retention, clock);
    }
}
