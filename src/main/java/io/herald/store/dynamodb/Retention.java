package io.herald.store.dynamodb;

import java.time.Clock;
import java.time.Duration;

/**
 * How long DynamoDB keeps an item after its last write: every write stamps {@code expires_at}, which the table's
 * time-to-live setting turns into a deletion.
 */
record Retention(Clock clock, Duration period) {

    /** The attribute the tables' time to live is configured on (Number, epoch seconds). */
    static final String EXPIRES_AT = "expires_at";

    Retention {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + period);
        }
    }

    /** Epoch seconds at which an item written now may be deleted. */
    long expiresAt() {
        return clock.instant().plus(period).getEpochSecond();
    }
}
