package io.herald.routing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Times written the RFC 3339 way, as events carry them: {@code 2026-06-08T10:00:00+02:00}. */
final class Rfc3339 {

    private Rfc3339() {
    }

    /**
     * Accepts what RFC 3339 allows beyond ISO 8601's strict form: a lower-case {@code t} or {@code z}, and a space
     * between date and time.
     *
     * @return the instant, or empty if {@code text} is not a date-time with an offset
     */
    static Optional<Instant> parse(String text) {
        String iso = text.strip();
        if (iso.length() > 10 && (iso.charAt(10) == ' ' || iso.charAt(10) == 't')) {
            iso = iso.substring(0, 10) + 'T' + iso.substring(11);
        }
        if (iso.endsWith("z")) {
            iso = iso.substring(0, iso.length() - 1) + 'Z';
        }
        try {
            return Optional.of(OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
