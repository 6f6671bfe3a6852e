package io.herald.store.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.store.AnnouncementStore;
import io.herald.store.GroupStore;
import io.herald.store.Store;
import io.herald.store.TaskStore;
import io.quarkus.arc.ActiveResult;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the {@link Store} on the database of a JDBC store kind: {@code h2} (the default datasource, an embedded
 * file database) or {@code postgresql} (the datasource named {@code postgresql}).
 *
 * <p>Both datasources are built into the application; configuration activates at most one of them at start-up,
 * and Flyway migrates only the active one.
 */
@ApplicationScoped
public class JdbcStoreFactory {

    public static final String H2 = "h2";
    public static final String POSTGRESQL = "postgresql";

    private final InjectableInstance<DataSource> h2;
    private final InjectableInstance<DataSource> postgresql;
    private final Duration gather;

    JdbcStoreFactory(InjectableInstance<DataSource> h2,
            @io.quarkus.agroal.DataSource(POSTGRESQL) InjectableInstance<DataSource> postgresql,
            @ConfigProperty(name = "herald.store.group-commit.gather") Duration gather) {
        if (gather.isNegative()) {
            throw new IllegalStateException("herald.store.group-commit.gather must be 0 or more, not " + gather);
        }
        this.h2 = h2;
        this.postgresql = postgresql;
        this.gather = gather;
    }

    /** @param kind {@value #H2} or {@value #POSTGRESQL} */
    public Store create(String kind) {
        // A mapper of its own: the stored JSON must not change when the application tunes its HTTP JSON.
        return new JdbcStore(dataSource(kind), new ObjectMapper(), gather);
    }

    /** The task store on the same database; Flyway has migrated its tables with the others. */
    public TaskStore createTaskStore(String kind) {
        return new JdbcTaskStore(dataSource(kind), new ObjectMapper());
    }

    /** The group store on the same database. */
    public GroupStore createGroupStore(String kind) {
        return new JdbcGroupStore(dataSource(kind));
    }

    /** The announcement store on the same database. */
    public AnnouncementStore createAnnouncementStore(String kind) {
        return new JdbcAnnouncementStore(dataSource(kind));
    }

    private DataSource dataSource(String kind) {
        InjectableInstance<DataSource> dataSource = switch (kind) {
            case H2 -> h2;
            case POSTGRESQL -> postgresql;
            default -> throw new IllegalArgumentException("not a JDBC store kind: '" + kind + "'");
        };
        return active(dataSource, kind);
    }

    /** Whether configuration activated the datasource (its bean is a proxy that would only fail on first use). */
    static boolean isActive(InjectableInstance<DataSource> dataSource) {
        return activity(dataSource).value();
    }

    private static ActiveResult activity(InjectableInstance<DataSource> dataSource) {
        return dataSource.getHandle().getBean().checkActive();
    }

    /** Fails now, saying why, where an inactive datasource would only fail on first use. */
    private static DataSource active(InjectableInstance<DataSource> dataSource, String kind) {
        ActiveResult active = activity(dataSource);
        if (!active.value()) {
            throw new IllegalStateException("herald.store.kind is " + kind + " but its datasource is inactive: "
                    + active.inactiveReason());
        }
        return dataSource.get();
    }
}
