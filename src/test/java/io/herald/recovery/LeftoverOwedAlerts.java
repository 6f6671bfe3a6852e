package io.herald.recovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.Channel;
import io.herald.domain.EntityRef;
import io.herald.domain.EventKey;
import io.herald.domain.EventStatus;
import io.herald.domain.Notification;
import io.herald.domain.NotificationIds;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.Priority;
import io.herald.domain.StoredEvent;
import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import io.herald.store.jdbc.JdbcStore;
import io.herald.store.jdbc.JdbcTaskStore;
import io.herald.support.LeftoverDataDir;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Leaves a store behind as a Herald process that died just after giving up would: a notification and a write-back
 * written DEAD, each owing its integration-failure alert, which the process did not live to raise.
 */
public class LeftoverOwedAlerts implements QuarkusTestResourceLifecycleManager {

    static final String SOURCE = "/xconnector/erp/s4-logistics";
    static final String RUN = UUID.randomUUID().toString();
    static final String EVENT_ID = "owed-alert-" + RUN;
    /** When the process died: its event was received then. */
    static final Instant DIED = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
    static final String NOTIFICATION_ID = NotificationIds.of(new EventKey(SOURCE, EVENT_ID), DIED, "carol",
            Channel.EMAIL);
    static final String WRITE_BACK_ID = "owed-alert-writeback-" + RUN;

    @Override
    public Map<String, String> start() {
        LeftoverDataDir dataDir = LeftoverDataDir.create("owed-alerts-" + RUN);
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        JdbcStore store = new JdbcStore(dataDir.dataSource(), json);

        StoredEvent event = event(DIED).routed(List.of("erp-workflow-status"), DIED);
        store.insertEvent(event);
        Notification sending = new Notification(NOTIFICATION_ID, SOURCE, EVENT_ID, NotificationKind.EVENT,
                "erp-workflow-status", "workflow-status", "carol", Channel.EMAIL, "carol@example.com", "en",
                "America/New_York", Priority.NORMAL, NotificationStatus.SENDING, 5, DIED, null, null, null, DIED, DIED,
                0);
        store.insertNotification(sending.dead("HTTP 400", "HTTP 400 {\"error\":\"invalid destination\"}", DIED));

        WriteBack sendingBack = new WriteBack(WRITE_BACK_ID, "task-" + RUN, SOURCE, EVENT_ID,
                new EntityRef("s4", "shipment", "SHP-" + RUN), "response", "approve", "bob", null, DIED,
                WriteBackStatus.SENDING, 3, DIED, null, DIED, DIED, 0);
        new JdbcTaskStore(dataDir.dataSource(), json)
                .insertWriteBack(sendingBack.dead("HTTP 422", "HTTP 422 unknown shipment", DIED));

        return Map.of("herald.data-dir", dataDir.path().toString());
    }

    @Override
    public void stop() {
        // the data directory stays under target/ for inspection
    }

    private static StoredEvent event(Instant at) {
        String data = "{\"entity\":\"Shipment\",\"entityId\":\"SHP-" + RUN + "\",\"status\":\"Delayed\","
                + "\"owner\":\"carol\",\"team\":\"logistics\",\"severity\":\"normal\"}";
        return new StoredEvent(SOURCE, EVENT_ID, "erp.shipment.delayed", null, at, at,
                Map.of("specversion", "1.0", "id", EVENT_ID, "source", SOURCE, "type", "erp.shipment.delayed",
                        "datacontenttype", "application/json"),
                "application/json", data, EventStatus.RECEIVED, List.of(), null);
    }
}
