package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The databases the store tests run on, migrated with the application's own Flyway scripts. */
final class TestDatabases {

    static final String POSTGRES_URL = env("HERALD_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/herald_test");
    static final String POSTGRES_USER = env("HERALD_TEST_POSTGRES_USER", "herald");
    static final String POSTGRES_PASSWORD = env("HERALD_TEST_POSTGRES_PASSWORD", "herald");

    /** The application's H2 settings, minus the file. */
    private static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static volatile boolean postgresMigrated;

    private TestDatabases() {
    }

    /**
     * A new, migrated in-memory H2 database. It lives as long as the returned connection stays open: the caller
     * closes it when done.
     */
    static H2 newH2() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:store-" + UUID.randomUUID() + H2_MODE);
        Connection keepAlive = dataSource.getConnection();
        migrate(dataSource);
        return new H2(dataSource, keepAlive);
    }

    record H2(DataSource dataSource, Connection keepAlive) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            keepAlive.close();
        }
    }

    /**
     * The test PostgreSQL database, migrated, with every table emptied. Fails, rather than skips, when the
     * database cannot be reached: a skipped test would hide that the store was never tried on PostgreSQL.
     */
    static DataSource emptyPostgres() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(POSTGRES_URL);
        dataSource.setUser(POSTGRES_USER);
        dataSource.setPassword(POSTGRES_PASSWORD);
        try (Connection connection = dataSource.getConnection()) {
            if (!postgresMigrated) {
                migrate(dataSource);
                postgresMigrated = true;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("TRUNCATE events, notifications, audit_entries");
            }
        } catch (SQLException e) {
            fail("PostgreSQL is not reachable at " + POSTGRES_URL + " as " + POSTGRES_USER + " (" + e.getMessage()
                    + "). Run bin/services to install and start it, or point HERALD_TEST_POSTGRES_URL, "
                    + "HERALD_TEST_POSTGRES_USER and HERALD_TEST_POSTGRES_PASSWORD at another one.");
        }
        return dataSource;
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
