package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.domain.Channel;
import io.herald.domain.Notification;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.Priority;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every query of the store is served by an index, which also yields the rows in the order asked for, so no query
 * slows down as the tables grow; only an event's audit trail is put in time order after it is read by its key, as
 * it holds one event's entries.
 */
class QueryPlanTest {

    /** A plan node that sorts rows (a Merge Append of sorted inputs merely names its "Sort Key"). */
    private static final Pattern SORT_NODE = Pattern.compile("\\bSort\\s+\\(cost=");

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    @Test
    void noQueryScansATableOnPostgresql() throws SQLException {
        TestDatabases.emptyPostgres();
        try (Connection connection = TestDatabases.postgresConnection()) {
            try (Statement statement = connection.createStatement()) {
                // The planner then picks a sequential scan only when no index can serve the query. On tables this
                // small it may also prefer a bitmap scan and sort afterwards, although an index gives the order.
                statement.execute("SET enable_seqscan = off");
                statement.execute("SET enable_bitmapscan = off");
            }
            plans(connection).forEach((query, plan) -> assertThat(plan).as(query)
                    .doesNotContain("Seq Scan")
                    .doesNotContainPattern(SORT_NODE));
            eventAuditPlans(connection).forEach((query, plan) -> assertThat(plan).as(query)
                    .contains("using audit_entries_pk")
                    .doesNotContain("Seq Scan"));
        }
    }

    @Test
    void noQueryScansATableOnH2() throws SQLException {
        try (TestDatabases.H2 h2 = TestDatabases.newH2(); Connection connection = h2.dataSource().getConnection()) {
            plans(connection).forEach((query, plan) -> {
                assertThat(plan).as(query).doesNotContain("tableScan");
                if (plan.contains("ORDER BY")) {
                    assertThat(plan).as(query).contains("/* index sorted */");
                }
            });
            eventAuditPlans(connection).forEach((query, plan) -> assertThat(plan).as(query)
                    .containsPattern("PRIMARY_KEY_\\w+:(?=[^*]*event_source = \\?)(?=[^*]*event_id = \\?)")
                    .doesNotContain("tableScan"));
        }
    }

    /**
     * The queries on one event's audit trail read it by the primary key's leading columns (event source and id);
     * auditOf then sorts the event's few entries into time order.
     */
    private static Map<String, String> eventAuditPlans(Connection connection) throws SQLException {
        Map<String, String> plans = new LinkedHashMap<>();
        plans.put("auditOf", explain(connection, AuditTable.OF_EVENT, "/crm", "evt-1"));
        plans.put("appendAuditIfAbsent", explain(connection, AuditTable.INSERT_IF_ABSENT, "a-1", "/crm", "evt-1", NOW,
                "sent", "herald", "detail", "/crm", "evt-1", "a-1"));
        return plans;
    }

    private static Map<String, String> plans(Connection connection) throws SQLException {
        Map<String, String> plans = new LinkedHashMap<>();
        plans.put("findEvent", explain(connection, EventTable.FIND, "/crm", "evt-1"));
        plans.put("markRouted", explain(connection, EventTable.MARK_ROUTED, "ROUTED", "[]", NOW, "/crm", "evt-1"));
        plans.put("unroutedEvents", explain(connection, EventTable.NEWEST_WITH_STATUS, "UNROUTED", 10));
        plans.put("eventsAwaitingRouting",
                explain(connection, EventTable.OLDEST_WITH_STATUS_BEFORE, "RECEIVED", NOW, 10));
        plans.put("findNotification", explain(connection, NotificationTable.FIND, "n-1"));
        plans.put("notificationsOf", explain(connection, NotificationTable.OF_EVENT, "/crm", "evt-1"));
        plans.put("updateNotification", explainUpdate(connection));
        plans.put("dueNotifications", explain(connection, NotificationTable.DUE.sql(),
                NOW, 10, NOW, 10, NOW, 10, NOW, 10, 10));
        plans.put("awaitingDeliveryStatus",
                explain(connection, NotificationTable.OLDEST_WITH_STATUS_UPDATED_BEFORE, "SENT", NOW, 10));
        plans.put("findGroup", explain(connection, GroupTable.FIND, "g-1"));
        plans.put("dueGroups", explain(connection, GroupTable.DUE, NOW, 10));
        plans.put("pagesAwaitingDeliveryStatus",
                explain(connection, AnnouncementPageTable.WITH_STATUS_UPDATED_SINCE, "SENT", NOW, 10));
        return plans;
    }

    private static String explain(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof Instant instant) {
                    ColumnValues.setInstant(statement, i + 1, instant);
                } else if (parameter instanceof Integer number) {
                    statement.setInt(i + 1, number);
                } else {
                    statement.setString(i + 1, (String) parameter);
                }
            }
            return planOf(statement);
        }
    }

    private static String explainUpdate(Connection connection) throws SQLException {
        Notification notification = new Notification("n-1", "/crm", "evt-1", NotificationKind.EVENT, "r", "t", "u",
                Channel.EMAIL, "a@example.com", "en", "UTC", Priority.NORMAL, NotificationStatus.PENDING, 0, NOW, null,
                null, null, NOW, NOW, 0);
        try (PreparedStatement statement = connection.prepareStatement("EXPLAIN " + NotificationTable.UPDATE)) {
            NotificationTable.bindUpdate(statement, notification);
            return planOf(statement);
        }
    }

    private static String planOf(PreparedStatement statement) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
