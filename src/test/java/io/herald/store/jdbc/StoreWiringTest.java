package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import io.herald.store.Store;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The application's Store bean works: producer, H2 datasource and Flyway migration at start-up. */
@QuarkusTest
class StoreWiringTest {

    @Inject
    Store store;

    @Inject
    @io.quarkus.agroal.DataSource("postgresql")
    InjectableInstance<DataSource> postgresql;

    @Test
    void applicationStoreKeepsEvents() {
        // The test database outlives a run, so the key must be new each time.
        StoredEvent event = new StoredEvent("/wiring-test", UUID.randomUUID().toString(), "test.stored", null, null,
                Instant.now().truncatedTo(ChronoUnit.MICROS), Map.of("specversion", "1.0"), null, null,
                EventStatus.RECEIVED, List.of(), null);

        assertThat(store.insertEvent(event)).isTrue();

        assertThat(store.findEvent(event.key())).contains(event);
    }

    @Test
    void postgresqlDatasourceIsInactive() {
        assertThat(postgresql.getHandle().getBean().isActive()).isFalse();
    }

    @Test
    void testsKeepTheirDatabaseUnderTarget() {
        assertThat(Path.of("target", "test-data", "herald.mv.db")).satisfies(file -> assertThat(Files.exists(file))
                .as("%s exists", file).isTrue());
    }
}
