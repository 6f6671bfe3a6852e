package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.AuditEntry;
import io.herald.domain.EventKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store written before the audit trail was keyed by event (V14) keeps its entries: after the migration each
 * event's trail reads back whole and in time order, an entry appended again is still stored once, and an entry id
 * is unique within its event.
 */
class AuditKeyMigrationTest {

    private static final EventKey ORDER = new EventKey("/erp", "order-7");
    private static final EventKey SHIPMENT = new EventKey("/erp", "shipment-3");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private JdbcDataSource dataSource;
    private Connection keepAlive;

    @BeforeEach
    void storeBeforeTheAuditKeyChanged() throws SQLException {
        dataSource = TestDatabases.unmigratedH2("audit");
        keepAlive = dataSource.getConnection();
        TestDatabases.migrateAsAnEarlierVersion(Flyway.configure().dataSource(dataSource), "13");
        try (Statement statement = keepAlive.createStatement()) {
            // Stored out of time order, as concurrent steps may store them; ids as AuditTrail makes them.
            statement.execute("INSERT INTO audit_entries (id, event_source, event_id, happened_at, step, actor, detail)"
                    + " VALUES ('f0a1', '/erp', 'order-7', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:02Z', 'sent',"
                    + " 'herald', 'e-mail to carol'),"
                    + " ('0b2c', '/erp', 'order-7', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00Z', 'received',"
                    + " 'xconnector', NULL),"
                    + " ('7d3e', '/erp', 'order-7', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:01Z', 'routed',"
                    + " 'herald', 'rule order-late'),"
                    + " ('5e4f', '/erp', 'shipment-3', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00Z', 'received',"
                    + " 'xconnector', NULL)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        keepAlive.close();
    }

    @Test
    void eachEventsTrailReadsBackInTimeOrderAfterTheMigration() {
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcStore store = new JdbcStore(dataSource, new ObjectMapper());

        assertThat(store.auditOf(ORDER)).extracting(AuditEntry::id).containsExactly("0b2c", "7d3e", "f0a1");
        assertThat(store.auditOf(SHIPMENT)).extracting(AuditEntry::id).containsExactly("5e4f");
    }

    @Test
    void anEntryStoredBeforeTheMigrationIsNotAppendedAgain() {
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcStore store = new JdbcStore(dataSource, new ObjectMapper());

        store.appendAudit(new AuditEntry("7d3e", "/erp", "order-7", T0.plusSeconds(9), "routed", "herald", "again"));

        assertThat(store.auditOf(ORDER)).extracting(AuditEntry::detail)
                .containsExactly(null, "rule order-late", "e-mail to carol");
    }

    @Test
    void anEntryIdIsUniqueWithinItsEventOnly() {
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcStore store = new JdbcStore(dataSource, new ObjectMapper());

        store.appendAudit(new AuditEntry("7d3e", "/erp", "shipment-3", T0.plusSeconds(5), "routed", "herald", null));

        assertThat(store.auditOf(SHIPMENT)).extracting(AuditEntry::id).containsExactly("5e4f", "7d3e");
        assertThat(store.auditOf(ORDER)).extracting(AuditEntry::id).containsExactly("0b2c", "7d3e", "f0a1");
    }
}
