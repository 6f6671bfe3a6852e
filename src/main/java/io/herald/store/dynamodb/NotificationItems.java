package io.herald.store.dynamodb;

import io.herald.domain.Channel;
import io.herald.domain.Notification;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.Priority;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of table {@code notifications}: key id, and three indexes on attributes derived from the
 * notification. {@value #BY_EVENT} lists an event's notifications in creation order; the sparse
 * {@value #BY_DUE} holds only PENDING and SENDING notifications, and finished ones owing their alert, by next
 * attempt;
 * the sparse
 * {@value #BY_SENT} only SENT ones by last update, so the dispatcher's queries never read finished work. Every
 * notification passes through PENDING, SENDING and SENT, so those keys are spread over {@link IndexShards}
 * partitions (status#n, n from the id); the few finished ones owing their alert stay under their status.
 */
final class NotificationItems {

    static final String ID = "id";
    static final String VERSION = "version";
    static final String EVENT_KEY = "event_key";
    static final String DUE_STATUS = "due_status";
    static final String NEXT_ATTEMPT_AT = "next_attempt_at";
    static final String SENT_STATUS = "sent_status";
    static final String UPDATED_AT = "updated_at";
    static final String DEAD_STATUS = "dead_status";
    static final String CREATED_KEY = "created_key";
    private static final String EVENT_SOURCE = "event_source";
    private static final String EVENT_ID = "event_id";
    private static final String KIND = "kind";
    private static final String RULE = "rule";
    private static final String TEMPLATE = "template";
    private static final String RECIPIENT = "recipient";
    private static final String CHANNEL = "channel";
    private static final String ADDRESS = "address";
    private static final String LOCALE = "locale";
    private static final String TIME_ZONE = "time_zone";
    private static final String PRIORITY = "priority";
    private static final String STATUS = "status";
    private static final String ATTEMPTS = "attempts";
    private static final String JOB_ID = "job_id";
    private static final String DELIVERY_STATE = "delivery_state";
    private static final String LAST_ERROR = "last_error";
    private static final String CREATED_AT = "created_at";
    private static final String ALERT_OWED = "alert_owed";

    static final String BY_EVENT = "by-event";
    static final String BY_DUE = "by-due";
    static final String BY_SENT = "by-sent";
    static final String BY_DEAD = "by-dead";

    private NotificationItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of(ID, AttributeValue.fromS(id));
    }

    static Map<String, AttributeValue> item(Notification n, long expiresAt) {
        NotificationStatus status = n.status();
        boolean due = status == NotificationStatus.PENDING || status == NotificationStatus.SENDING
                || owing(n);
        return new ItemWriter()
                .string(ID, n.id())
                .string(EVENT_SOURCE, n.eventSource())
                .string(EVENT_ID, n.eventId())
                .string(EVENT_KEY, Keys.event(n.eventKey()))
                .string(CREATED_KEY, n.createdAt() == null ? null : Keys.timeOrdered(n.createdAt(), n.id()))
                .name(KIND, n.kind())
                .string(RULE, n.rule())
                .string(TEMPLATE, n.template())
                .string(RECIPIENT, n.recipient())
                .name(CHANNEL, n.channel())
                .string(ADDRESS, n.address())
                .string(LOCALE, n.locale())
                .string(TIME_ZONE, n.timeZone())
                .name(PRIORITY, n.priority())
                .name(STATUS, status)
                .string(DUE_STATUS, due ? dueKey(status, n.id()) : null)
                .string(SENT_STATUS, status == NotificationStatus.SENT ? IndexShards.of(status.name(), n.id()) : null)
                .name(DEAD_STATUS, status == NotificationStatus.DEAD ? status : null)
                .number(ATTEMPTS, n.attempts())
                .instant(NEXT_ATTEMPT_AT, n.nextAttemptAt())
                .string(JOB_ID, n.jobId())
                .string(DELIVERY_STATE, n.deliveryState())
                .string(LAST_ERROR, n.lastError())
                .instant(CREATED_AT, n.createdAt())
                .instant(UPDATED_AT, n.updatedAt())
                .number(VERSION, n.version())
                .string(ALERT_OWED, n.alertOwed())
                .number(Retention.EXPIRES_AT, expiresAt)
                .build();
    }

    /** The busy statuses of the due index are spread, the rare ones are not. */
    static boolean spread(NotificationStatus status) {
        return status == NotificationStatus.PENDING || status == NotificationStatus.SENDING;
    }

    private static String dueKey(NotificationStatus status, String id) {
        return spread(status) ? IndexShards.of(status.name(), id) : status.name();
    }

    /** A finished notification keeps a next attempt time only while it owes its alert. */
    private static boolean owing(Notification n) {
        return (n.status() == NotificationStatus.DEAD || n.status() == NotificationStatus.FAILED)
                && n.nextAttemptAt() != null;
    }

    static Notification notification(Map<String, AttributeValue> item) {
        ItemReader read = new ItemReader(item);
        return new Notification(
                read.string(ID),
                read.string(EVENT_SOURCE),
                read.string(EVENT_ID),
                read.name(KIND, NotificationKind.class),
                read.string(RULE),
                read.string(TEMPLATE),
                read.string(RECIPIENT),
                read.name(CHANNEL, Channel.class),
                read.string(ADDRESS),
                read.string(LOCALE),
                read.string(TIME_ZONE),
                read.name(PRIORITY, Priority.class),
                read.name(STATUS, NotificationStatus.class),
                Math.toIntExact(read.number(ATTEMPTS)),
                read.instant(NEXT_ATTEMPT_AT),
                read.string(JOB_ID),
                read.string(DELIVERY_STATE),
                read.string(LAST_ERROR),
                read.instant(CREATED_AT),
                read.instant(UPDATED_AT),
                read.number(VERSION),
                read.string(ALERT_OWED));
    }

    /** The copy the table holds after a successful update: the caller's state, at the next version. */
    static Notification stored(Notification n) {
        return new Notification(n.id(), n.eventSource(), n.eventId(), n.kind(), n.rule(), n.template(),
                n.recipient(), n.channel(), n.address(), n.locale(), n.timeZone(), n.priority(), n.status(),
                n.attempts(), Micros.truncated(n.nextAttemptAt()), n.jobId(), n.deliveryState(), n.lastError(),
                Micros.truncated(n.createdAt()), Micros.truncated(n.updatedAt()), n.version() + 1,
                n.alertOwed());
    }
}
