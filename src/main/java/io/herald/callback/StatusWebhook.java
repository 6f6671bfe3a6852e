package io.herald.callback;

import io.herald.dispatch.DeliveryStatusCheck;
import io.herald.http.HttpRequest;
import io.herald.http.ProblemException;
import io.herald.intake.SenderVerifier;
import io.herald.notifier.DeliveryReport;
import io.herald.notifier.Notifier;
import io.herald.restore.HoldsSecrets;
import io.herald.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OpenText Notifications' delivery-status webhook: the status schema pushed instead of polled, signed like
 * events are (HMAC-SHA256 over timestamp and body, with its own secret).
 */
@ApplicationScoped
@HoldsSecrets
public class StatusWebhook {

    private final SenderVerifier verifier;
    private final Store store;
    private final DeliveryStatusCheck deliveries;
    private final Notifier notifier;
    private final List<String> secrets;

    public StatusWebhook(SenderVerifier verifier, Store store, DeliveryStatusCheck deliveries, Notifier notifier,
            @ConfigProperty(name = "herald.callback.status-webhook-secret") Optional<String> secret) {
        this.verifier = verifier;
        this.store = store;
        this.deliveries = deliveries;
        this.notifier = notifier;
        this.secrets = secret.stream().toList();
    }

    /** @return how many deliveries of Herald's the push reported on */
    public int receive(HttpRequest request) {
        verifier.verify(request, secrets);
        Map<String, DeliveryReport> reports;
        try {
            reports = notifier.readStatusPush(request.body());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad Request", "the body is not an OpenText Notifications status");
        }
        int known = 0;
        for (Map.Entry<String, DeliveryReport> report : reports.entrySet()) {
            var notification = store.findNotification(report.getKey());
            if (notification.isPresent()) {
                deliveries.apply(notification.get(), report.getValue());
                known++;
            }
        }
        return known;
    }
}
