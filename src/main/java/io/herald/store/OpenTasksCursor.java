package io.herald.store;

import io.herald.domain.Task;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Where a page of {@link TaskStore#openTasks} ends: the creation time (to the microsecond, as every store keeps it)
 * and id of its last task, as an opaque URL-safe text, {@code base64url("<epoch microseconds>|<id>")}. Every store
 * reads the cursors of every other, so a page link stays good when the deployment moves between stores.
 *
 * @param createdAt whole microseconds
 */
public record OpenTasksCursor(Instant createdAt, String id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** The cursor after this task. */
    public static OpenTasksCursor after(Task task) {
        return new OpenTasksCursor(task.createdAt().truncatedTo(ChronoUnit.MICROS), task.id());
    }

    /**
     * @throws IllegalArgumentException for text no store made, saying so without echoing it
     */
    public static OpenTasksCursor parse(String text) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            String id = decoded.substring(bar + 1);
            if (bar <= 0 || id.isEmpty()) {
                throw new IllegalArgumentException("no cursor");
            }
            long micros = Long.parseLong(decoded.substring(0, bar));
            return new OpenTasksCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("the cursor is not one a page of open tasks gave", e);
        }
    }

    /** The text to hand out. */
    public String text() {
        // not ChronoUnit.MICROS.between, which counts in nanoseconds and overflows after the year 2262
        long micros = Math.addExact(Math.multiplyExact(createdAt.getEpochSecond(), 1_000_000L),
                createdAt.getNano() / 1_000);
        return ENCODER.encodeToString((micros + "|" + id).getBytes(StandardCharsets.UTF_8));
    }
}
