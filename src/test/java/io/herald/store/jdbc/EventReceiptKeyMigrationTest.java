package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.AuditEntry;
import io.herald.domain.EventKey;
import io.herald.domain.Notification;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store written before audit entries and notifications were keyed by their event's receipt time (V15) keeps
 * them: after the migration each event's trail and notifications read back whole, the rows carry their event's
 * receipt time, and rows of an event that was never stored carry the epoch and read back as well.
 */
class EventReceiptKeyMigrationTest {

    private static final EventKey ORDER = new EventKey("/erp", "order-7");
    private static final EventKey NEVER_STORED = new EventKey("/erp", "lost-1");

    private JdbcDataSource dataSource;
    private Connection keepAlive;

    @BeforeEach
    void storeBeforeTheKeyChanged() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:receipt-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        keepAlive = dataSource.getConnection();
        TestDatabases.migrateAsAnEarlierVersion(Flyway.configure().dataSource(dataSource), "14");
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("INSERT INTO events (source, id, type, received_at, status)"
                    + " VALUES ('/erp', 'order-7', 'order.late', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00Z',"
                    + " 'ROUTED')");
            statement.execute("INSERT INTO audit_entries (id, event_source, event_id, happened_at, step, actor, detail)"
                    + " VALUES ('0b2c', '/erp', 'order-7', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00Z', 'received',"
                    + " 'xconnector', NULL),"
                    + " ('7d3e', '/erp', 'order-7', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:01Z', 'routed',"
                    + " 'herald', 'rule order-late'),"
                    + " ('5e4f', '/erp', 'lost-1', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:05Z', 'alerted',"
                    + " 'herald', NULL)");
            statement.execute("INSERT INTO notifications (id, event_source, event_id, kind, status, attempts,"
                    + " created_at, updated_at, version) VALUES"
                    + " ('n-2', '/erp', 'order-7', 'EVENT', 'SENT', 1, TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:01Z',"
                    + " TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:02Z', 2),"
                    + " ('n-1', '/erp', 'order-7', 'EVENT', 'PENDING', 0, TIMESTAMP WITH TIME ZONE"
                    + " '2026-03-01 10:00:01Z', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:01Z', 0),"
                    + " ('n-3', '/erp', 'lost-1', 'ALERT', 'PENDING', 0, TIMESTAMP WITH TIME ZONE"
                    + " '2026-03-01 10:00:05Z', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:05Z', 0)");
        }
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    @AfterEach
    void close() throws SQLException {
        keepAlive.close();
    }

    @Test
    void eachEventsTrailAndNotificationsReadBackAfterTheMigration() {
        JdbcStore store = new JdbcStore(dataSource, new ObjectMapper());

        assertThat(store.auditOf(ORDER)).extracting(AuditEntry::id).containsExactly("0b2c", "7d3e");
        assertThat(store.notificationsOf(ORDER)).extracting(Notification::id).containsExactly("n-1", "n-2");
        assertThat(store.auditOf(NEVER_STORED)).extracting(AuditEntry::id).containsExactly("5e4f");
        assertThat(store.notificationsOf(NEVER_STORED)).extracting(Notification::id).containsExactly("n-3");
    }

    @Test
    void rowsCarryTheirEventsReceiptTimeOrTheEpoch() throws SQLException {
        assertThat(receiptTimes("SELECT id, event_received_at FROM audit_entries ORDER BY id")).containsExactly(
                "0b2c 2026-03-01T10:00:00Z", "5e4f 1970-01-01T00:00:00Z", "7d3e 2026-03-01T10:00:00Z");
        assertThat(receiptTimes("SELECT id, event_received_at FROM notifications ORDER BY id")).containsExactly(
                "n-1 2026-03-01T10:00:00Z", "n-2 2026-03-01T10:00:00Z", "n-3 1970-01-01T00:00:00Z");
    }

    @Test
    void anEntryStoredBeforeTheMigrationIsNotAppendedAgain() {
        JdbcStore store = new JdbcStore(dataSource, new ObjectMapper());

        store.appendAudit(new AuditEntry("7d3e", "/erp", "order-7", Instant.parse("2026-03-01T10:00:09Z"), "routed",
                "herald", "again"));

        assertThat(store.auditOf(ORDER)).extracting(AuditEntry::detail).containsExactly(null, "rule order-late");
    }

    private List<String> receiptTimes(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = keepAlive.createStatement(); ResultSet row = statement.executeQuery(query)) {
            while (row.next()) {
                rows.add(row.getString("id") + " "
                        + row.getObject("event_received_at", OffsetDateTime.class).toInstant());
            }
        }
        return rows;
    }
}
