package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import io.herald.store.Store;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** {@code herald.store.kind=postgresql} puts the application's Store on the PostgreSQL datasource only. */
@QuarkusTest
@TestProfile(PostgresWiringTest.PostgresStore.class)
class PostgresWiringTest {

    public static class PostgresStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "herald.store.kind", "postgresql",
                    "quarkus.datasource.\"postgresql\".jdbc.url", TestDatabases.POSTGRES_URL,
                    "quarkus.datasource.\"postgresql\".username", TestDatabases.POSTGRES_USER,
                    "quarkus.datasource.\"postgresql\".password", TestDatabases.POSTGRES_PASSWORD);
        }
    }

    @Inject
    Store store;

    @Inject
    InjectableInstance<DataSource> h2;

    @Test
    void storeWritesToPostgresql() throws Exception {
        StoredEvent event = new StoredEvent("/wiring-test", UUID.randomUUID().toString(), "test.stored", null, null,
                Instant.now().truncatedTo(ChronoUnit.MICROS), Map.of(), null, null, EventStatus.RECEIVED, List.of(),
                null);

        store.insertEvent(event);

        try (Connection connection = DriverManager.getConnection(TestDatabases.POSTGRES_URL,
                TestDatabases.POSTGRES_USER, TestDatabases.POSTGRES_PASSWORD);
                PreparedStatement query = connection.prepareStatement("SELECT type FROM events WHERE id = ?")) {
            query.setString(1, event.id());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("event stored in PostgreSQL").isTrue();
                assertThat(row.getString(1)).isEqualTo("test.stored");
            }
        }
    }

    @Test
    void h2DatasourceIsInactive() {
        assertThat(h2.getHandle().getBean().isActive()).isFalse();
    }
}
