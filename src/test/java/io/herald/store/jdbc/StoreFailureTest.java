package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import io.herald.store.StoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** How the JDBC store reports what it cannot do. */
class StoreFailureTest {

    /** Stands for personal data in a value the database refuses. */
    private static final String PERSONAL = "anna.muster@example.com";

    @Test
    void refusedValueIsNotRevealedByH2() throws Exception {
        try (TestDatabases.H2 h2 = TestDatabases.newH2()) {
            assertRefusedWithoutRevealing(h2.dataSource());
        }
    }

    @Test
    void refusedValueIsNotRevealedByPostgresql() {
        assertRefusedWithoutRevealing(TestDatabases.emptyPostgres());
    }

    @Test
    void unreachableDatabaseIsReportedWithTheReason() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/herald_test");
        JdbcStore store = new JdbcStore(nowhere, new ObjectMapper());

        assertThatThrownBy(() -> store.unroutedEvents(10))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("unroutedEvents")
                .hasMessageContaining("no database connection")
                .hasMessageContaining("refused");
    }

    @Test
    void limitBelowOneIsRefused() throws Exception {
        try (TestDatabases.H2 h2 = TestDatabases.newH2()) {
            JdbcStore store = new JdbcStore(h2.dataSource(), new ObjectMapper());

            assertThatThrownBy(() -> store.unroutedEvents(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.dueNotifications(Instant.EPOCH, -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void assertRefusedWithoutRevealing(DataSource dataSource) {
        JdbcStore store = new JdbcStore(dataSource, new ObjectMapper());
        // Longer than the id column allows.
        String id = PERSONAL.repeat(20);
        StoredEvent event = new StoredEvent("/crm", id, "t", PERSONAL, null, Instant.EPOCH,
                Map.of("email", PERSONAL), null, PERSONAL, EventStatus.RECEIVED, List.of(), null);

        StoreException failure = catchThrowableOfType(StoreException.class, () -> store.insertEvent(event));

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("insertEvent");
        StringWriter everything = new StringWriter();
        failure.printStackTrace(new PrintWriter(everything));
        assertThat(everything.toString()).doesNotContain(PERSONAL);
    }
}
