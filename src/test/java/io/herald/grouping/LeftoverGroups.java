package io.herald.grouping;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.AlertGroup;
import io.herald.domain.Channel;
import io.herald.domain.GroupIds;
import io.herald.domain.Notification;
import io.herald.domain.NotificationIds;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.Priority;
import io.herald.domain.StoredEvent;
import io.herald.store.jdbc.JdbcGroupStore;
import io.herald.store.jdbc.JdbcStore;
import io.herald.support.LeftoverDataDir;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Leaves groups behind as a Herald process that died ten minutes ago would, in a fresh H2 data directory, before
 * the application starts: one still waiting for its first announcement, and one whose announcement was claimed
 * and stored with its notification, but neither recorded as routed nor sent, when the process died.
 */
public class LeftoverGroups implements QuarkusTestResourceLifecycleManager {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String WAITING_SYSTEM = "Waiting " + RUN;
    static final String MID_FLUSH_SYSTEM = "Mid-flush " + RUN;
    static final String WAITING = GroupIds.of(RecordFailures.RULE, List.of(WAITING_SYSTEM, RecordFailures.ERROR_CODE),
            "frank", Channel.EMAIL);
    static final String MID_FLUSH = GroupIds.of(RecordFailures.RULE,
            List.of(MID_FLUSH_SYSTEM, RecordFailures.ERROR_CODE), "frank", Channel.EMAIL);
    private static final String ITEM = "{\"source\":\"/xconnector/runtime/scheduler\",\"id\":\"r-1\","
            + "\"type\":\"integration.record.failed\",\"time\":\"2026-12-01T02:00:00Z\","
            + "\"data\":{\"transactionId\":\"TX-1\",\"errorCode\":\"EDI-422\",\"errorMessage\":\"refused\"}}";

    @Override
    public Map<String, String> start() {
        LeftoverDataDir dataDir = LeftoverDataDir.create("group-restart-data-" + RUN);
        ObjectMapper json = new ObjectMapper();
        JdbcGroupStore groups = new JdbcGroupStore(dataDir.dataSource());
        JdbcStore store = new JdbcStore(dataDir.dataSource(), json);
        Instant died = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);

        AlertGroup waiting = group(WAITING, WAITING_SYSTEM, died, 3);
        groups.insertGroup(waiting);

        AlertGroup claimed = group(MID_FLUSH, MID_FLUSH_SYSTEM, died, 2).claimed(died.plusSeconds(60),
                died.plusSeconds(180));
        groups.insertGroup(claimed);
        StoredEvent announcement = AnnouncementEvents.of(claimed, json);
        store.insertEvent(announcement);
        store.insertNotification(toFrank(announcement));

        return Map.of("herald.data-dir", dataDir.path().toString());
    }

    @Override
    public void stop() {
        // the data directory stays under target/ for inspection
    }

    /** A group of {@code count} events of {@code system}, opened at {@code at} and due a minute later. */
    private static AlertGroup group(String id, String system, Instant at, long count) {
        return new AlertGroup(id, RecordFailures.RULE, system + " / " + RecordFailures.ERROR_CODE,
                "integration-failure-group", Priority.HIGH, "frank", Channel.EMAIL, "frank@example.com", "en",
                "Europe/Berlin", count, count, ITEM, ITEM, "last-" + id, at, at, null, 0, 0, false,
                at.plusSeconds(60), Duration.ofMinutes(5), at, at, 0);
    }

    private static Notification toFrank(StoredEvent announcement) {
        Instant created = announcement.receivedAt();
        return new Notification(NotificationIds.of(announcement, "frank", Channel.EMAIL), announcement.source(),
                announcement.id(), NotificationKind.EVENT, RecordFailures.RULE, "integration-failure-group", "frank",
                Channel.EMAIL, "frank@example.com", "en", "Europe/Berlin", Priority.HIGH, NotificationStatus.PENDING,
                0, created, null, null, null, created, created, 0);
    }

}
