package io.herald.console;

import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import io.herald.http.ProblemException;
import io.quarkus.qute.TemplateData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the activity page shows: events of a source, of a type, in a status, received within the last minutes;
 * each left empty for all. Parsed from the query, refused as a problem when a value makes no sense.
 *
 * @param minutes how far back to look; 0 for as far as the listing reaches
 */
@TemplateData
public record ActivityFilter(String source, String type, String status, int minutes) {

    static final List<Integer> WINDOWS = List.of(0, 15, 60, 1440, 10080);

    static ActivityFilter of(Map<String, String> query) {
        String status = blankToEmpty(query.get("status")).toUpperCase(Locale.ROOT);
        if (!status.isEmpty()) {
            try {
                EventStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(400, "Bad Request",
                        "status must be one of " + List.of(EventStatus.values()));
            }
        }
        int minutes;
        try {
            String given = blankToEmpty(query.get("minutes"));
            minutes = Integer.parseInt(given.isEmpty() ? "0" : given);
        } catch (NumberFormatException e) {
            minutes = -1;
        }
        if (!WINDOWS.contains(minutes)) {
            throw new ProblemException(400, "Bad Request", "minutes must be one of " + WINDOWS);
        }
        return new ActivityFilter(blankToEmpty(query.get("source")), blankToEmpty(query.get("type")), status, minutes);
    }

    /** The activity page showing this filter. */
    String link() {
        return ConsoleRoutes.PREFIX + "?source=" + EventPage.encode(source) + "&type=" + EventPage.encode(type)
                + "&status=" + status + "&minutes=" + minutes;
    }

    /** The statuses to list: the one asked for, or all. */
    List<EventStatus> statuses() {
        return status.isEmpty() ? List.of(EventStatus.values()) : List.of(EventStatus.valueOf(status));
    }

    boolean admits(StoredEvent event, Instant now) {
        return (source.isEmpty() || event.source().equals(source))
                && (type.isEmpty() || event.type().equals(type))
                && (minutes == 0 || !event.receivedAt().isBefore(now.minus(Duration.ofMinutes(minutes))));
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
