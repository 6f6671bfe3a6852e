package io.herald.store.dynamodb;

import io.herald.store.StoreException;
import java.time.Instant;

/**
 * Instants as DynamoDB keeps them: whole microseconds since the epoch, the precision every Herald store keeps
 * (finer parts are truncated, towards the past).
 */
final class Micros {

    private static final long PER_SECOND = 1_000_000L;
    private static final int NANOS_PER_MICRO = 1_000;

    private Micros() {
    }

    static long of(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), PER_SECOND),
                    instant.getNano() / NANOS_PER_MICRO);
        } catch (ArithmeticException e) {
            // Only instants some 292,000 years away get here; the message still must not show the value.
            throw new StoreException("an instant is too far from the epoch to be stored in microseconds");
        }
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, PER_SECOND),
                Math.floorMod(micros, PER_SECOND) * NANOS_PER_MICRO);
    }

    /** The instant as stored: {@code instant(of(instant))}. */
    static Instant truncated(Instant instant) {
        return instant == null ? null : instant(of(instant));
    }

    /**
     * The microseconds as text that sorts like the number: zero-padded to 19 digits (as wide as any long), and
     * for instants before 1970 a {@code -} (which sorts before every digit) followed by the distance from
     * {@link Long#MIN_VALUE}, also padded.
     */
    static String sortable(long micros) {
        long magnitude = micros >= 0 ? micros : micros - Long.MIN_VALUE;
        String digits = String.format("%019d", magnitude);
        return micros >= 0 ? digits : "-" + digits;
    }
}
