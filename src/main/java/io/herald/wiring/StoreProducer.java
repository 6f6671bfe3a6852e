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
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Provides the application's {@link Store}, {@link TaskStore}, {@link GroupStore} and {@link AnnouncementStore} of
 * the kind {@code herald.store.kind} names: {@code h2} (embedded file database), {@code postgresql} or
 * {@code dynamodb}; local mode sets {@code h2}, and a server without a kind is refused at start-up
 * ({@link ProductionSettingsCheck}). Only the chosen kind's resources are touched: a JDBC kind never builds an AWS
 * client, and {@code dynamodb} needs no datasource.
 */
@ApplicationScoped
public class StoreProducer {

    static final String DYNAMODB = "dynamodb";

    /** The kinds {@code herald.store.kind} may name. */
    static final Set<String> KINDS = Set.of(JdbcStoreFactory.H2, JdbcStoreFactory.POSTGRESQL, DYNAMODB);

    /** How a refusal names {@link #KINDS}. */
    static final String KIND_CHOICES = JdbcStoreFactory.H2 + ", " + JdbcStoreFactory.POSTGRESQL + " or " + DYNAMODB;

    @ConfigProperty(name = "herald.store.kind")
    Optional<String> configuredKind;

    /** Created at start-up so that a wrong kind or a missing resource stops the application at once. */
    @Produces
    @DefaultBean
    @ApplicationScoped
    @Startup
    Store store(JdbcStoreFactory jdbc, DynamoDbStoreFactory dynamoDb) {
        String kind = kind();
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
    TaskStore taskStore(JdbcStoreFactory jdbc, DynamoDbStoreFactory dynamoDb) {
        String kind = kind();
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
    GroupStore groupStore(JdbcStoreFactory jdbc, DynamoDbStoreFactory dynamoDb) {
        String kind = kind();
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
    AnnouncementStore announcementStore(JdbcStoreFactory jdbc, DynamoDbStoreFactory dynamoDb) {
        String kind = kind();
        return switch (kind) {
            case JdbcStoreFactory.H2, JdbcStoreFactory.POSTGRESQL -> jdbc.createAnnouncementStore(kind);
            case DYNAMODB -> dynamoDb.createAnnouncementStore();
            default -> throw unknown(kind);
        };
    }

    private String kind() {
        return configuredKind.orElse("");
    }

    private static IllegalStateException unknown(String kind) {
        return new IllegalStateException("herald.store.kind must be " + KIND_CHOICES + ", not '" + kind + "'");
    }
}
