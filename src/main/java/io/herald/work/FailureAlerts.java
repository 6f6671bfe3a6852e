package io.herald.work;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.audit.AuditTrail;
import io.herald.directory.Directory;
import io.herald.directory.Group;
import io.herald.directory.User;
import io.herald.domain.Channel;
import io.herald.domain.Notification;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.Priority;
import io.herald.domain.StoredEvent;
import io.herald.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Raises an integration-failure alert to the operations group when Herald cannot deliver a notification: the
 * same kind of alert a failed job in a connected system raises (job 2). {@link #raise} serves other failures of
 * Herald's own too, such as a write-back to xConnector given up.
 *
 * <p>The alert is an event of Herald's own ({@code herald.notification.undeliverable}), stored and sent like any
 * other, keyed by the failed notification so that it is raised once. The failed notification names the alert it
 * owes ({@link Notification#alertOwed}), written with its dead or failed state; once raised, the debt is cleared.
 * An alert that itself cannot be delivered is logged and raises nothing, so a broken provider cannot make alerts
 * loop.
 */
@ApplicationScoped
public class FailureAlerts {

    public static final String SOURCE = "urn:herald:dispatch";
    public static final String TYPE = "herald.notification.undeliverable";
    static final String RULE = "herald-failure-alerts";
    private static final Logger LOG = Logger.getLogger(FailureAlerts.class);

    private final Directory directory;
    private final Store store;
    private final NotificationWork work;
    private final AuditTrail audit;
    private final DispatchConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public FailureAlerts(Directory directory, Store store, NotificationWork work, AuditTrail audit,
            DispatchConfig config, ObjectMapper json, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.work = work;
        this.audit = audit;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Raises the alert the notification owes, then records it raised. Repeating it, concurrently too, raises one
     * alert; a notification that owes nothing is left alone.
     */
    public void raiseOwed(Notification owing) {
        if (!owing.owesAlert()) {
            return;
        }
        if (owing.kind() == NotificationKind.ALERT) {
            LOG.errorf("integration-failure alert %s to %s could not be delivered (%s); no further alert is raised",
                    owing.id(), owing.recipient(), owing.alertOwed());
        } else if (raise(alertEvent(owing, owing.alertOwed(), reason(owing)))) {
            audit.record(owing.eventKey(), "alerted", AuditTrail.HERALD,
                    "group " + config.alerts().group() + " told that notification " + owing.id()
                            + " is undeliverable");
        }
        store.updateNotification(owing.alerted(clock.instant()));
    }

    private static String reason(Notification owing) {
        return owing.status() == NotificationStatus.FAILED
                ? "the provider reports delivery state " + owing.deliveryState() + " for job " + owing.jobId()
                : owing.lastError();
    }

    /**
     * Stores an alert event of Herald's own and sends it to the operations group with the integration-failure
     * template. Its data should carry what the template shows: {@code transactionId}, {@code sourceSystem},
     * {@code errorCode}, {@code errorMessage}, {@code retryStatus}.
     *
     * @param alert an event keyed by what failed, so that raising it again changes nothing
     * @return true when the alert was raised by this call, false when it was raised before or cannot be
     */
    public boolean raise(StoredEvent alert) {
        Group group = directory.group(config.alerts().group()).orElse(null);
        if (group == null) {
            LOG.errorf("alert %s cannot be raised: alert group '%s' is not in the directory", alert.id(),
                    config.alerts().group());
            return false;
        }
        return work.recordOwn(alert, List.of(RULE), first -> plan(first, group));
    }

    private List<Notification> plan(StoredEvent alert, Group group) {
        List<Notification> planned = new ArrayList<>();
        for (String member : group.members()) {
            User user = directory.user(member).orElse(null);
            if (user == null) {
                continue;
            }
            for (String channelId : config.alerts().channels()) {
                Channel channel = Channel.of(channelId);
                String address = user.address(channel);
                if (address != null) {
                    planned.add(work.plan(alert, NotificationKind.ALERT, RULE, config.alerts().template(),
                            Priority.HIGH, user.id(), channel, address, user.locale(), user.timeZone()));
                }
            }
        }
        return planned;
    }

    private StoredEvent alertEvent(Notification failed, String errorCode, String reason) {
        return AlertEvent.of(failed.eventId(), failed.eventSource(), errorCode, reason,
                        "gave up after " + failed.attempts() + " attempt(s)")
                .with("attempt", failed.attempts()).with("notificationId", failed.id())
                .with("recipient", failed.recipient()).with("channel", failed.channel().id())
                .event(SOURCE, "undeliverable-" + failed.id(), TYPE, failed.id(), clock.instant(), json);
    }
}
