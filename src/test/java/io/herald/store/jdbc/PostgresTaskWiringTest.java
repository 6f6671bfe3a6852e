package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.domain.Decision;
import io.herald.store.TaskStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code herald.store.kind=postgresql} puts the application's TaskStore on the PostgreSQL datasource too. */
@QuarkusTest
@TestProfile(PostgresWiringTest.PostgresStore.class)
class PostgresTaskWiringTest {

    @Inject
    TaskStore store;

    @Test
    void taskStoreWritesToPostgresql() throws Exception {
        String token = UUID.randomUUID().toString();
        Decision decision = new Decision("approve", "wiring-test", null,
                Instant.now().truncatedTo(ChronoUnit.MICROS), token);

        assertThat(store.recordTokenUse(token, "wiring-test", decision)).isTrue();

        try (Connection connection = DriverManager.getConnection(TestDatabases.POSTGRES_URL,
                TestDatabases.POSTGRES_USER, TestDatabases.POSTGRES_PASSWORD);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT decision_action FROM token_uses WHERE token_id = ?")) {
            query.setString(1, token);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("token use stored in PostgreSQL").isTrue();
                assertThat(row.getString(1)).isEqualTo("approve");
            }
        }
    }
}
