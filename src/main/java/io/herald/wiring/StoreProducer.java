package io.herald.wiring;

import io.herald.store.AnnouncementStore;
import io.herald.store.GroupStore;
import io.herald.store.Store;
import io.herald.store.TaskStore;
import io.herald.store.dynamodb.DynamoDbStoreFactory;
import io.herald.store.jdbc.JdbcStoreFactory;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Provides the application's {@link Store}, {@link TaskStore}, {@link GroupStore} and {@link AnnouncementStore} of
 * the kind {@code herald.store.kind} names: {@code h2} (embedded file database, the default), {@code postgresql},
 * or {@code dynamodb}. Only the chosen kind's resources are touched: a JDBC kind never builds an AWS client, and
 * {@code dynamodb} needs no datasource.
 */
@ApplicationScoped
public class StoreProducer {

    static final String DYNAMODB = "dynamodb";

    /** Created at start-up so that a wrong kind or a missing resource stops the application at once. */
    @Produces
    @DefaultBean
    @ApplicationScoped
    @Startup
    Store store(
            @ConfigProperty(name = "herald.store.kind", defaultValue = JdbcStoreFactory.H2) String kind,
            JdbcStoreFactory jdbc,
            DynamoDbStoreFactory dynamoDb) {
        return switch (kind) {
            case JdbcStoreFactory.H2, JdbcStoreFactory.POSTGRESQL -> jdbc.create(kind);
            case DYNAMODB -> dynamoDb.create();
            default -> throw unknown(kind);
        };
    }

    /** The task store, on the same kind of store. */
    @Produces
    @DefaultBean
    @ApplicationScoped
    @Startup
    TaskStore taskStore(
            @ConfigProperty(name = "herald.store.kind", defaultValue = JdbcStoreFactory.H2) String kind,
            JdbcStoreFactory jdbc,
            DynamoDbStoreFactory dynamoDb) {
        return switch (kind) {
            case JdbcStoreFactory.H2, JdbcStoreFactory.POSTGRESQL -> jdbc.createTaskStore(kind);
            case DYNAMODB -> dynamoDb.createTaskStore();
            default -> throw unknown(kind);
        };
    }

    /** The group store, on the same kind of store. */
    @Produces
    @DefaultBean
    @ApplicationScoped
    @Startup
    GroupStore groupStore(
            @ConfigProperty(name = "herald.store.kind", defaultValue = JdbcStoreFactory.H2) String kind,
            JdbcStoreFactory jdbc,
            DynamoDbStoreFactory dynamoDb) {
        return switch (kind) {
            case JdbcStoreFactory.H2, JdbcStoreFactory.POSTGRESQL -> jdbc.createGroupStore(kind);
            case DYNAMODB -> dynamoDb.createGroupStore();
            default -> throw unknown(kind);
        };
    }

    /** The announcement store, on the same kind of store. */
    @Produces
    @DefaultBean
    @ApplicationScoped
    @Startup
    AnnouncementStore announcementStore(
            @ConfigProperty(name = "herald.store.kind", defaultValue = JdbcStoreFactory.H2) String kind,
            JdbcStoreFactory jdbc,
            DynamoDbStoreFactory dynamoDb) {
        return switch (kind) {
            case JdbcStoreFactory.H2, JdbcStoreFactory.POSTGRESQL -> jdbc.createAnnouncementStore(kind);
            case DYNAMODB -> dynamoDb.createAnnouncementStore();
            default -> throw unknown(kind);
        };
    }

    private static IllegalStateException unknown(String kind) {
        return new IllegalStateException("herald.store.kind must be " + JdbcStoreFactory.H2 + ", "
                + JdbcStoreFactory.POSTGRESQL + " or " + DYNAMODB + ", not '" + kind + "'");
    }
}
