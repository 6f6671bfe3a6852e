package io.herald.callback;

import io.herald.dispatch.DeliveryStatusCheck;
import io.herald.dispatch.PageDeliveryCheck;
import io.herald.domain.AnnouncementPage;
import io.herald.http.HttpRequest;
import io.herald.http.ProblemException;
import io.herald.intake.SenderVerifier;
import io.herald.notifier.DeliveryReport;
import io.herald.notifier.Notifier;
import io.herald.restore.HoldsSecrets;
import io.herald.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OpenText Notifications' delivery-status webhook: the status schema pushed instead of polled, signed like
 * events are (HMAC-SHA256 over timestamp and body, with its own secret). A delivery's {@code ref} names a
 * notification by its id, or a member of an announcement page as {@code <page id>/<user id>}; each page named is
 * recorded once for all its members in the push ({@link PageDeliveryCheck#record}).
 */
@ApplicationScoped
@HoldsSecrets
public class StatusWebhook {

    private final SenderVerifier verifier;
    private final Store store;
    private final DeliveryStatusCheck deliveries;
    private final PageDeliveryCheck pageDeliveries;
    private final Notifier notifier;
    private final List<String> secrets;

    public StatusWebhook(SenderVerifier verifier, Store store, DeliveryStatusCheck deliveries,
            PageDeliveryCheck pageDeliveries, Notifier notifier,
            @ConfigProperty(name = "herald.callback.status-webhook-secret") Optional<String> secret) {
        this.pageDeliveries = pageDeliveries;
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
        Map<String, Map<String, DeliveryReport>> byPage = new LinkedHashMap<>();
        for (Map.Entry<String, DeliveryReport> report : reports.entrySet()) {
            String ref = report.getKey();
            int separator = ref.indexOf(AnnouncementPage.REF_SEPARATOR);
            if (separator > 0) {
                byPage.computeIfAbsent(ref.substring(0, separator), page -> new LinkedHashMap<>())
                        .put(ref.substring(separator + 1), report.getValue());
                continue;
            }
            var notification = store.findNotification(ref);
            if (notification.isPresent()) {
                deliveries.apply(notification.get(), report.getValue());
                known++;
            }
        }
        for (Map.Entry<String, Map<String, DeliveryReport>> page : byPage.entrySet()) {
            Set<String> users = page.getValue().keySet();
            known += pageDeliveries.record(page.getKey(), page.getValue())
                    .map(stored -> (int) stored.members().stream().filter(m -> users.contains(m.user())).count())
                    .orElse(0);
        }
        return known;
    }
}
