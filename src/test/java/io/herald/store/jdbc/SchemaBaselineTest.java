package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An empty database is migrated by the baseline script {@code B14__schema.sql} alone, and the schema it leaves is
 * the one the migrations V1 to V14 leave on a database upgraded one version at a time: the same tables, columns
 * (in the same order, of the same types), primary keys and indexes, on H2 and on PostgreSQL.
 */
class SchemaBaselineTest {

    @Test
    void anEmptyDatabaseIsMigratedByTheBaselineAlone() throws SQLException {
        JdbcDataSource empty = h2();
        try (Connection keepAlive = empty.getConnection()) {
            Flyway.configure().dataSource(empty).load().migrate();

            MigrationInfo[] applied = Flyway.configure().dataSource(empty).load().info().applied();
            assertThat(applied).extracting(info -> info.getVersion().getVersion(), MigrationInfo::getScript)
                    .containsExactly(tuple("14", "B14__schema.sql"));
        }
    }

    @Test
    void onH2TheBaselineLeavesTheSchemaTheMigrationsLeave() throws SQLException {
        JdbcDataSource upgraded = h2();
        JdbcDataSource fresh = h2();
        try (Connection upgradedAlive = upgraded.getConnection(); Connection freshAlive = fresh.getConnection()) {
            upgradeOneVersionAtATime(() -> Flyway.configure().dataSource(upgraded));
            Flyway.configure().dataSource(fresh).load().migrate();

            assertThat(schema(freshAlive, "public")).isEqualTo(schema(upgradedAlive, "public"))
                    .containsKeys("table audit_entries", "table tasks", "table announcement_withdrawals");
        }
    }

    @Test
    void onPostgresqlTheBaselineLeavesTheSchemaTheMigrationsLeave() throws SQLException {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(TestDatabases.POSTGRES_URL);
        postgres.setUser(TestDatabases.POSTGRES_USER);
        postgres.setPassword(TestDatabases.POSTGRES_PASSWORD);
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String upgradedSchema = "upgraded_" + suffix;
        String freshSchema = "fresh_" + suffix;
        try (Connection connection = postgres.getConnection()) {
            try {
                upgradeOneVersionAtATime(() -> Flyway.configure().dataSource(postgres).schemas(upgradedSchema));
                Flyway.configure().dataSource(postgres).schemas(freshSchema).load().migrate();

                assertThat(schema(connection, freshSchema)).isEqualTo(schema(connection, upgradedSchema))
                        .containsKeys("table audit_entries", "table tasks", "table announcement_withdrawals");
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS " + upgradedSchema + " CASCADE");
                    statement.execute("DROP SCHEMA IF EXISTS " + freshSchema + " CASCADE");
                }
            }
        }
    }

    /** A store an earlier version created with V1, upgraded by this one: each later migration on top. */
    private static void upgradeOneVersionAtATime(Supplier<FluentConfiguration> flyway) {
        TestDatabases.migrateAsAnEarlierVersion(flyway.get(), "1");
        Flyway upgrade = flyway.get().load();
        upgrade.migrate();
        assertThat(upgrade.info().applied()).extracting(MigrationInfo::getScript)
                .as("the migrations, not the baseline").contains("V1__store.sql", "V14__audit_keyed_by_event.sql")
                .doesNotContain("B14__schema.sql");
    }

    private static JdbcDataSource h2() {
        return TestDatabases.unmigratedH2("baseline");
    }

    /**
     * Every table of the schema but Flyway's own, by name: its columns in order with type, size and nullability,
     * its primary key, and its indexes with their columns in order. H2 names the index under a primary key itself,
     * differently from one database to another; the primary key is compared instead.
     */
    private static Map<String, List<String>> schema(Connection connection, String schema) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, List<String>> tables = new TreeMap<>();
        try (ResultSet all = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (all.next()) {
                String table = all.getString("TABLE_NAME");
                if (!table.equals("flyway_schema_history")) {
                    tables.put("table " + table, table(meta, schema, table));
                }
            }
        }
        return tables;
    }

    private static List<String> table(DatabaseMetaData meta, String schema, String table) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (ResultSet columns = meta.getColumns(null, schema, table, "%")) {
            while (columns.next()) {
                parts.add("column " + columns.getInt("ORDINAL_POSITION") + " " + columns.getString("COLUMN_NAME")
                        + " " + columns.getString("TYPE_NAME") + "(" + columns.getInt("COLUMN_SIZE") + ") "
                        + columns.getString("IS_NULLABLE"));
            }
        }
        Map<Integer, String> keyColumns = new TreeMap<>();
        String keyName = null;
        try (ResultSet key = meta.getPrimaryKeys(null, schema, table)) {
            while (key.next()) {
                keyName = key.getString("PK_NAME");
                keyColumns.put(key.getInt("KEY_SEQ"), key.getString("COLUMN_NAME"));
            }
        }
        parts.add("primary key " + keyName + " " + keyColumns.values());
        Map<String, Map<Integer, String>> indexes = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet index = meta.getIndexInfo(null, schema, table, false, false)) {
            while (index.next()) {
                String name = index.getString("INDEX_NAME");
                if (name == null || name.toLowerCase(Locale.ROOT).startsWith("primary_key_")) {
                    continue;
                }
                indexes.computeIfAbsent(name, n -> new TreeMap<>())
                        .put(index.getInt("ORDINAL_POSITION"), index.getString("COLUMN_NAME"));
                unique.put(name, !index.getBoolean("NON_UNIQUE"));
            }
        }
        indexes.forEach((name, columns) -> parts.add((unique.get(name) ? "unique index " : "index ") + name + " "
                + columns.values()));
        return parts;
    }
}
