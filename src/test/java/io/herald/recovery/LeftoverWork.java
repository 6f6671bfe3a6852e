package io.herald.recovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.Channel;
import io.herald.domain.EventStatus;
import io.herald.domain.Notification;
import io.herald.domain.NotificationIds;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.Priority;
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
 * Leaves a store behind as a Herald process that died would: before the application starts, it writes into a
 * fresh H2 data directory an event whose routing never finished, a notification stored but never sent, and one
 * whose sender died holding it.
 */
public class LeftoverWork implements QuarkusTestResourceLifecycleManager {

    static final String SOURCE = "/xconnector/erp/s4-logistics";
    static final String RUN = UUID.randomUUID().toString();
    static final String UNROUTED = "restart-unrouted-" + RUN;
    static final String UNSENT = "restart-unsent-" + RUN;
    static final String ABANDONED = "restart-abandoned-" + RUN;

    @Override
    public Map<String, String> start() {
        LeftoverDataDir dataDir = LeftoverDataDir.create("restart-data-" + RUN);
        JdbcStore store = new JdbcStore(dataDir.dataSource(), new ObjectMapper().findAndRegisterModules());
        Instant died = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);

        store.insertEvent(event(UNROUTED, died));

        StoredEvent unsent = event(UNSENT, died).routed(List.of("erp-workflow-status"), died);
        store.insertEvent(unsent);
        store.insertNotification(toCarol(unsent, NotificationStatus.PENDING, 0, died));

        StoredEvent abandoned = event(ABANDONED, died).routed(List.of("erp-workflow-status"), died);
        store.insertEvent(abandoned);
        store.insertNotification(toCarol(abandoned, NotificationStatus.SENDING, 1, died.plusSeconds(120)));

        return Map.of("herald.data-dir", dataDir.path().toString());
    }

    @Override
    public void stop() {
        // the data directory stays under target/ for inspection
    }

    private static StoredEvent event(String id, Instant at) {
        String data = "{\"entity\":\"Shipment\",\"entityId\":\"SHP-" + id + "\",\"status\":\"Delayed\","
                + "\"owner\":\"carol\",\"team\":\"logistics\",\"severity\":\"normal\"}";
        return new StoredEvent(SOURCE, id, "erp.shipment.delayed", null, at, at,
                Map.of("specversion", "1.0", "id", id, "source", SOURCE, "type", "erp.shipment.delayed",
                        "datacontenttype", "application/json"),
                "application/json", data, EventStatus.RECEIVED, List.of(), null);
    }

    /** @param nextAttemptAt for SENDING, the end of the dead sender's lease (already past) */
    private static Notification toCarol(StoredEvent event, NotificationStatus status, int attempts,
            Instant nextAttemptAt) {
        Instant created = event.receivedAt();
        return new Notification(NotificationIds.of(event, "carol", Channel.EMAIL), event.source(), event.id(),
                NotificationKind.EVENT, "erp-workflow-status", "workflow-status", "carol", Channel.EMAIL,
                "carol@example.com", "en", "America/New_York", Priority.NORMAL, status, attempts, nextAttemptAt,
                null, null, null, created, created, 0);
    }
}
