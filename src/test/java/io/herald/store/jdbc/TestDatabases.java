package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.fail;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;

/** The databases the store tests run on, migrated with the application's own Flyway scripts. */
final class TestDatabases {

    static final String POSTGRES_URL = env("HERALD_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/herald_test");
    static final String POSTGRES_USER = env("HERALD_TEST_POSTGRES_USER", "herald");
    static final String POSTGRES_PASSWORD = env("HERALD_TEST_POSTGRES_PASSWORD", "herald");

    /** The application's H2 settings, minus the file. */
    private static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static AgroalDataSource postgresPool;
    private static boolean postgresMigrated;
    private static String postgresUnusable;

    private TestDatabases() {
    }

    /**
     * A new, migrated in-memory H2 database. It lives as long as the returned connection stays open: the caller
     * closes it when done.
     */
    static H2 newH2() throws SQLException {
        JdbcDataSource dataSource = unmigratedH2("store");
        Connection keepAlive = dataSource.getConnection();
        migrate(dataSource);
        return new H2(dataSource, keepAlive);
    }

    /**
     * A new in-memory H2 database in the store's mode, without a schema, named {@code name} and a random suffix. It
     * lives while a connection to it is open.
     */
    static JdbcDataSource unmigratedH2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + H2_MODE);
        return dataSource;
    }

    record H2(DataSource dataSource, Connection keepAlive) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            keepAlive.close();
        }
    }

    /**
     * The test PostgreSQL database, migrated, with every table of the {@link io.herald.store.Store} emptied, behind
     * a connection pool as in the application. Fails, rather than skips, when the database cannot be reached: a
     * skipped test would hide that the store was never tried on PostgreSQL.
     */
    static DataSource emptyPostgres() {
        return emptyPostgres("events, notifications, audit_entries");
    }

    /**
     * Like {@link #emptyPostgres()}, with every table of the {@link io.herald.store.TaskStore} emptied instead: each
     * suite empties only its own tables, so that the two can share the database.
     */
    static DataSource emptyPostgresTaskTables() {
        return emptyPostgres("tasks, task_assignees, token_uses, write_backs");
    }

    /** Like {@link #emptyPostgres()}, with the table of the {@link io.herald.store.GroupStore} emptied instead. */
    static DataSource emptyPostgresGroupTables() {
        return emptyPostgres("alert_groups, throttle_windows");
    }

    /**
     * Like {@link #emptyPostgres()}, with the tables of the {@link io.herald.store.AnnouncementStore} emptied
     * instead.
     */
    static DataSource emptyPostgresAnnouncementTables() {
        return emptyPostgres("announcement_pages, announcement_withdrawals");
    }

    /** Every table of the schema emptied, the migration history excepted, for an application started on it. */
    static void emptyEveryPostgresTable() {
        emptyPostgres("events, notifications, audit_entries, tasks, task_assignees, token_uses, write_backs, "
                + "alert_groups, throttle_windows, announcement_pages, announcement_withdrawals");
    }

    private static synchronized DataSource emptyPostgres(String tables) {
        if (postgresUnusable != null) {
            fail(postgresUnusable);
        }
        try {
            if (postgresPool == null) {
                postgresPool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                        .connectionPoolConfiguration(pool -> pool
                                .maxSize(16)
                                .acquisitionTimeout(Duration.ofSeconds(10))
                                .connectionFactoryConfiguration(factory -> factory
                                        .jdbcUrl(POSTGRES_URL)
                                        .principal(new NamePrincipal(POSTGRES_USER))
                                        .credential(new SimplePassword(POSTGRES_PASSWORD)))));
            }
            try (Connection connection = postgresPool.getConnection()) {
                if (!postgresMigrated) {
                    migrate(postgresPool);
                    postgresMigrated = true;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("TRUNCATE " + tables);
                }
            }
        } catch (SQLException e) {
            // Remembered, so that the other tests fail at once instead of each waiting for the connection.
            postgresUnusable = "PostgreSQL at " + POSTGRES_URL + " cannot be used as " + POSTGRES_USER + " ("
                    + e.getMessage() + "). Run bin/services to install and start it, or point "
                    + "HERALD_TEST_POSTGRES_URL, HERALD_TEST_POSTGRES_USER and HERALD_TEST_POSTGRES_PASSWORD at "
                    + "another one.";
            fail(postgresUnusable);
        }
        return postgresPool;
    }

    /** A connection of its own, outside the pool, for tests that change session settings. */
    static Connection postgresConnection() throws SQLException {
        return DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    /**
     * Migrates to {@code version} as Herald did before its baseline script (B14) existed, one migration after
     * another: the store an earlier version left, for the migrations after it to be tried on.
     */
    static void migrateAsAnEarlierVersion(FluentConfiguration flyway, String version) {
        // no file has this prefix, so B14__schema.sql is not taken for a baseline and an empty database gets V1
        flyway.configuration(Map.of("flyway.baselineMigrationPrefix", "none-such-")).target(version).load().migrate();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
