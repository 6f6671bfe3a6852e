package io.herald.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The receipt time of an event, read in the statement that needs it. Audit entries and notifications are keyed by
 * it before the event's source and id, so that rows of recent events are written beside each other at the end of
 * their index instead of at a random place in it: on H2 each commit then stores a few pages at that end rather
 * than one page per row.
 */
final class EventReceipt {

    /**
     * An SQL expression of two parameters, the event's source and id. Every writer stores an event before any row
     * that belongs to it, so a row's key and later look-ups by the event agree; for an event that was never stored
     * it is the epoch, alike for all.
     */
    static final String OF_EVENT = "COALESCE((SELECT received_at FROM events WHERE source = ? AND id = ?),"
            + " TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')";

    /** Selects one event's rows by their key. Parameters: those {@link #bindKeyCondition} binds. */
    static final String KEY_CONDITION = "event_received_at = " + OF_EVENT + " AND event_source = ? AND event_id = ?";

    private EventReceipt() {
    }

    /**
     * Binds an event's source and id from parameter {@code first}: those of {@link #OF_EVENT}, or the columns
     * beside it.
     *
     * @return the next free parameter index
     */
    static int bind(PreparedStatement statement, int first, String eventSource, String eventId) throws SQLException {
        statement.setString(first, eventSource);
        statement.setString(first + 1, eventId);
        return first + 2;
    }

    /** @return the next free parameter index */
    static int bindKeyCondition(PreparedStatement statement, int first, String eventSource, String eventId)
            throws SQLException {
        return bind(statement, bind(statement, first, eventSource, eventId), eventSource, eventId);
    }
}
