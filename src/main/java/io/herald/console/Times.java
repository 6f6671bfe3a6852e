package io.herald.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the console writes them: UTC, to the second, or to the millisecond where steps follow closely. */
final class Times {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String seconds(Instant at) {
        return at == null ? "" : SECONDS.format(at);
    }

    static String millis(Instant at) {
        return at == null ? "" : MILLIS.format(at);
    }
}
