package io.herald.writeback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.store.jdbc.JdbcTaskStore;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** Before Herald starts, writes {@link LeftoverWriteBacks} into a fresh H2 data directory it then starts on. */
public class LeftoverWriteBacksResource implements QuarkusTestResourceLifecycleManager {

    static final String RUN = UUID.randomUUID().toString();

    @Override
    public Map<String, String> start() {
        Path dataDir = Path.of("target", "writeback-restart-" + RUN).toAbsolutePath();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dataDir + "/herald;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        dataSource.setUser("herald");
        Flyway.configure().dataSource(dataSource).load().migrate();
        LeftoverWriteBacks.leaveIn(new JdbcTaskStore(dataSource, new ObjectMapper().findAndRegisterModules()), RUN);
        return Map.of("herald.data-dir", dataDir.toString());
    }

    @Override
    public void stop() {
        // the data directory stays under target/ for inspection
    }
}
