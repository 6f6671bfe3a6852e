package io.herald.notifier.opentext;

import io.herald.notifier.DeliveryReport;
import io.herald.notifier.DeliveryReport.Outcome;
import io.herald.notifier.opentext.wire.JobStatus;
import io.herald.notifier.opentext.wire.JobStatus.Attempt;
import io.herald.notifier.opentext.wire.JobStatus.Delivery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a status answer means for one recipient: the state of the delivery's last attempt decides. {@code Sent} is
 * delivered, {@code Error} and {@code Cancelled} failed, anything else (or no attempt yet) is still in progress.
 */
final class DeliveryReports {

    private DeliveryReports() {
    }

    /**
     * @param recipientRef the {@code ref} Herald sent; when no delivery carries it and the job has a single
     *                     delivery without a ref, that one is taken (Herald submits one destination per job)
     * @return the report; its state is null when OpenText lists no attempt yet
     */
    static DeliveryReport forRecipient(JobStatus status, String recipientRef) {
        return delivery(status, recipientRef)
                .flatMap(DeliveryReports::lastAttempt)
                .map(DeliveryReports::report)
                .orElse(new DeliveryReport(Outcome.IN_PROGRESS, null));
    }

    /**
     * Every delivery of a job at once (a page of an announcement is one job to many destinations).
     *
     * @return the report of each delivery that names its ref, by ref, in the order OpenText lists them
     */
    static Map<String, DeliveryReport> forEachRecipient(JobStatus status) {
        Map<String, DeliveryReport> reports = new LinkedHashMap<>();
        if (status.deliveries() != null) {
            status.deliveries().stream().filter(Objects::nonNull).filter(d -> d.ref() != null)
                    .forEach(d -> reports.putIfAbsent(d.ref(), lastAttempt(d).map(DeliveryReports::report)
                            .orElse(new DeliveryReport(Outcome.IN_PROGRESS, null))));
        }
        return reports;
    }

    private static DeliveryReport report(Attempt attempt) {
        return new DeliveryReport(outcomeOf(attempt.state()), attempt.state(), attempt.gammaCode());
    }

    static Outcome outcomeOf(String state) {
        if (state == null) {
            return Outcome.IN_PROGRESS;
        }
        return switch (state.trim().toLowerCase(Locale.ROOT)) {
            case "sent" -> Outcome.DELIVERED;
            case "error", "cancelled" -> Outcome.FAILED;
            default -> Outcome.IN_PROGRESS;
        };
    }

    private static Optional<Delivery> delivery(JobStatus status, String recipientRef) {
        List<Delivery> deliveries = status.deliveries() == null ? List.of() : status.deliveries();
        Optional<Delivery> byRef = deliveries.stream()
                .filter(Objects::nonNull)
                .filter(delivery -> Objects.equals(delivery.ref(), recipientRef))
                .findFirst();
        if (byRef.isPresent()) {
            return byRef;
        }
        boolean singleWithoutRef = deliveries.size() == 1 && deliveries.get(0) != null && deliveries.get(0).ref() == null;
        return singleWithoutRef ? Optional.of(deliveries.get(0)) : Optional.empty();
    }

    /** OpenText lists attempts oldest first. */
    private static Optional<Attempt> lastAttempt(Delivery delivery) {
        List<Attempt> attempts = delivery.deliveryAttempts();
        if (attempts == null || attempts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(attempts.get(attempts.size() - 1));
    }
}
