package io.herald.recovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import io.herald.store.jdbc.JdbcStore;
import io.herald.support.LeftoverDataDir;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A store left with an event that can never be routed (stored before intake checked limits: its task's entity id
 * is longer than the tasks table keeps), received before an ordinary event still awaiting routing.
 */
public class PoisonedLeftovers implements QuarkusTestResourceLifecycleManager {

    static final String SOURCE = "/xconnector/erp/s4-logistics";
    static final String RUN = UUID.randomUUID().toString();
    static final String POISON = "restart-poison-" + RUN;
    static final String GOOD = "restart-good-" + RUN;

    @Override
    public Map<String, String> start() {
        LeftoverDataDir dataDir = LeftoverDataDir.create("poisoned-data-" + RUN);
        JdbcStore store = new JdbcStore(dataDir.dataSource(), new ObjectMapper().findAndRegisterModules());
        Instant died = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
        store.insertEvent(poison(died));
        store.insertEvent(shipment(died.plusSeconds(1)));
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

    private static StoredEvent shipment(Instant at) {
        String data = "{\"entity\":\"Shipment\",\"entityId\":\"SHP-" + GOOD + "\",\"status\":\"Delayed\","
                + "\"owner\":\"carol\",\"team\":\"logistics\",\"severity\":\"normal\"}";
        return new StoredEvent(SOURCE, GOOD, "erp.shipment.delayed", null, at, at,
                Map.of("specversion", "1.0", "id", GOOD, "source", SOURCE, "type", "erp.shipment.delayed",
                        "datacontenttype", "application/json"),
                "application/json", data, EventStatus.RECEIVED, List.of(), null);
    }
}
