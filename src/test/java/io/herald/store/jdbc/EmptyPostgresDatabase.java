package io.herald.store.jdbc;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Empties every table of the test PostgreSQL database before the application starts. The store suites leave their
 * rows behind, and an application started on them would resume that work at start-up and in its sweeps: a test
 * that waits for an idle queue must not wait for work of other suites.
 */
public class EmptyPostgresDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestDatabases.emptyEveryPostgresTable();
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
