package io.herald.recovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.Channel;
import io.herald.domain.EventStatus;
import io.herald.domain.Notification;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.Priority;
import io.herald.domain.StoredEvent;
import io.herald.store.jdbc.JdbcStore;
import io.herald.support.LeftoverDataDir;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A store left with an event that can never be routed (stored before intake checked limits: its task's entity id
 * is longer than the tasks table keeps), received before an ordinary event still awaiting routing; and an event and
 * a due notification changed by hand into rows Herald cannot read.
 */
public class PoisonedLeftovers implements QuarkusTestResourceLifecycleManager {

    static final String SOURCE = "/xconnector/erp/s4-logistics";
    static final String RUN = UUID.randomUUID().toString();
    static final String POISON = "restart-poison-" + RUN;
    static final String GOOD = "restart-good-" + RUN;
    static final String SPOILED = "restart-spoiled-" + RUN;

    @Override
    public Map<String, String> start() {
        LeftoverDataDir dataDir = LeftoverDataDir.create("poisoned-data-" + RUN);
        JdbcStore store = new JdbcStore(dataDir.dataSource(), new ObjectMapper().findAndRegisterModules());
        Instant died = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
        store.insertEvent(poison(died));
        store.insertEvent(shipment(GOOD, died.plusSeconds(1)));
        StoredEvent spoiled = shipment(SPOILED, died);
        store.insertEvent(spoiled);
        store.insertNotification(new Notification(SPOILED, SOURCE, SPOILED, NotificationKind.EVENT,
                "erp-workflow-status", "workflow-status", "carol", Channel.EMAIL, "carol@example.com", "en",
                "America/New_York", Priority.NORMAL, NotificationStatus.PENDING, 0, died, null, null, null, died, died,
                0));
        spoil(dataDir, "UPDATE events SET attributes = '{not json' WHERE id = '" + SPOILED + "'",
                "UPDATE notifications SET channel = 'fax' WHERE id = '" + SPOILED + "'");
        return Map.of("herald.data-dir", dataDir.path().toString());
    }

    @Override
    public void stop() {
        // the data directory stays under target/ for inspection
    }

    private static StoredEvent poison(Instant at) {
        String type = "erp.purchase-order.approval.requested";
        String data = "{\"system\":\"s4-purchasing\",\"entityType\":\"purchase-order\",\"entityId\":\""
                + "P".repeat(300) + "\",\"title\":\"PO\",\"amount\":48500,\"currency\":\"EUR\",\"team\":\"finance\"}";
        return new StoredEvent("/xconnector/erp/s4-purchasing", POISON, type, null, at, at,
                Map.of("specversion", "1.0", "id", POISON, "source", "/xconnector/erp/s4-purchasing", "type", type,
                        "datacontenttype", "application/json"),
                "application/json", data, EventStatus.RECEIVED, List.of(), null);
    }

    private static void spoil(LeftoverDataDir dataDir, String... updates) {
        try (Connection connection = dataDir.dataSource().getConnection();
                Statement sql = connection.createStatement()) {
            for (String update : updates) {
                sql.executeUpdate(update);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredEvent shipment(String id, Instant at) {
        String data = "{\"entity\":\"Shipment\",\"entityId\":\"SHP-" + id + "\",\"status\":\"Delayed\","
                + "\"owner\":\"carol\",\"team\":\"logistics\",\"severity\":\"normal\"}";
        return new StoredEvent(SOURCE, id, "erp.shipment.delayed", null, at, at,
                Map.of("specversion", "1.0", "id", id, "source", SOURCE, "type", "erp.shipment.delayed",
                        "datacontenttype", "application/json"),
                "application/json", data, EventStatus.RECEIVED, List.of(), null);
    }
}
