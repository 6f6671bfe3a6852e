package io.herald.store.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.task.TaskStore;
import io.quarkus.arc.ActiveResult;
import io.quarkus.arc.DefaultBean;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Provides the {@link TaskStore} on the same database as the {@link io.herald.store.Store}, chosen by
 * {@code herald.store.kind}: {@code h2} (the default datasource) or {@code postgresql} (the datasource named
 * {@code postgresql}); Flyway has migrated it at start-up. Another {@code TaskStore} bean replaces this one.
 */
@ApplicationScoped
public class JdbcTaskStoreProducer {

    private static final String H2 = "h2";
    private static final String POSTGRESQL = "postgresql";

    /** Created at start-up so that a wrong kind or an inactive datasource stops the application at once. */
    @Produces
    @DefaultBean
    @ApplicationScoped
    @Startup
    TaskStore taskStore(
            @ConfigProperty(name = "herald.store.kind", defaultValue = H2) String kind,
            InjectableInstance<DataSource> h2,
            @io.quarkus.agroal.DataSource(POSTGRESQL) InjectableInstance<DataSource> postgresql) {
        // The same choice as JdbcStoreProducer's, repeated rather than shared: that class is being reworked.
        InjectableInstance<DataSource> dataSource = switch (kind) {
            case H2 -> h2;
            case POSTGRESQL -> postgresql;
            default -> throw new IllegalStateException("herald.store.kind must be " + H2 + " or " + POSTGRESQL
                    + " for the task store, not '" + kind + "'");
        };
        // A mapper of its own: the stored JSON must not change when the application tunes its HTTP JSON.
        return new JdbcTaskStore(active(dataSource, kind), new ObjectMapper());
    }

    /** The datasource bean is a proxy that would only fail on first use; this fails now, saying why. */
    private static DataSource active(InjectableInstance<DataSource> dataSource, String kind) {
        ActiveResult active = dataSource.getHandle().getBean().checkActive();
        if (!active.value()) {
            throw new IllegalStateException("herald.store.kind is " + kind + " but its datasource is inactive: "
                    + active.inactiveReason());
        }
        return dataSource.get();
    }
}
