package io.herald.notifier;

/**
 * What the provider knows about one delivery.
 *
 * @param outcome what Herald makes of it
 * @param state the provider's own word for it (e.g. {@code Sent}, {@code Error}), kept as is
 */
public record DeliveryReport(Outcome outcome, String state) {

    public enum Outcome {
        /** Still on its way; ask again later. */
        IN_PROGRESS,
        DELIVERED,
        FAILED
    }
}
