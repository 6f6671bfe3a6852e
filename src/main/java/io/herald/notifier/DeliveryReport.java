package io.herald.notifier;

/**
 * What the provider knows about one delivery.
 *
 * @param outcome what Herald makes of it
 * @param state the provider's own word for it (e.g. {@code Sent}, {@code Error}), kept as is
 * @param code the provider's code of that state (OpenText's {@code gamma_code}), kept as is; null when it gave none
 */
public record DeliveryReport(Outcome outcome, String state, String code) {

    /** A report without the provider's code. */
    public DeliveryReport(Outcome outcome, String state) {
        this(outcome, state, null);
    }

    /**
     * The report in a few words for a person: the provider's state and, for a failure, its code (e.g.
     * {@code Error, code 550}); null when the provider reported nothing yet.
     */
    public String reason() {
        if (state == null) {
            return null;
        }
        boolean telling = outcome == Outcome.FAILED && code != null && !code.isBlank() && !"0".equals(code.trim());
        return telling ? state + ", code " + code.trim() : state;
    }

    public enum Outcome {
        /** Still on its way; ask again later. */
        IN_PROGRESS,
        DELIVERED,
        FAILED
    }
}
