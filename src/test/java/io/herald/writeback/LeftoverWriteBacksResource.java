package io.herald.writeback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.store.jdbc.JdbcTaskStore;
import io.herald.support.LeftoverDataDir;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/** Before Herald starts, writes {@link LeftoverWriteBacks} into a fresh H2 data directory it then starts on. */
public class LeftoverWriteBacksResource implements QuarkusTestResourceLifecycleManager {

    static final String RUN = UUID.randomUUID().toString();

    @Override
    public Map<String, String> start() {
        LeftoverDataDir dataDir = LeftoverDataDir.create("writeback-restart-" + RUN);
        LeftoverWriteBacks.leaveIn(new JdbcTaskStore(dataDir.dataSource(), new ObjectMapper().findAndRegisterModules()), RUN);
        return Map.of("herald.data-dir", dataDir.path().toString());
    }

    @Override
    public void stop() {
        // the data directory stays under target/ for inspection
    }
}
