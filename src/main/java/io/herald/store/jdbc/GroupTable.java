package io.herald.store.jdbc;

import static io.herald.store.jdbc.ColumnValues.getEnum;
import static io.herald.store.jdbc.ColumnValues.getInstant;
import static io.herald.store.jdbc.ColumnValues.setEnum;
import static io.herald.store.jdbc.ColumnValues.setInstant;

import io.herald.domain.AlertGroup;
import io.herald.domain.Channel;
import io.herald.domain.Priority;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** The statements on table {@code alert_groups} and the mapping between its rows and {@link AlertGroup}. */
final class GroupTable {

    /** Every column but id and version, in the order {@link #bindState} binds them. */
    private static final String STATE_COLUMNS = "rule, group_key, template, priority, recipient, channel, address, "
            + "locale, time_zone, event_count, unannounced, first_item, latest_item, last_event, opened_at, "
            + "last_event_at, notified_at, flushes, last_announced, announcing, next_flush_at, interval_ms, "
            + "created_at, updated_at";

    private static final String COLUMNS = "id, " + STATE_COLUMNS + ", version";

    static final String INSERT = "INSERT INTO alert_groups (" + COLUMNS + ") VALUES (?"
            + ", ?".repeat(STATE_COLUMNS.split(",").length) + ", ?)";

    static final String FIND = "SELECT " + COLUMNS + " FROM alert_groups WHERE id = ?";

    static final String UPDATE = "UPDATE alert_groups SET "
            + STATE_COLUMNS.replace(",", " = ?,") + " = ?, version = version + 1 WHERE id = ? AND version = ?";

    /** Parameters: due by, limit. Index {@code alert_groups_due}, read in its order. */
    static final String DUE = "SELECT " + COLUMNS + " FROM alert_groups WHERE next_flush_at <= ?"
            + " ORDER BY next_flush_at, id LIMIT ?";

    private GroupTable() {
    }

    static void bindInsert(PreparedStatement statement, AlertGroup group) throws SQLException {
        statement.setString(1, group.id());
        int next = bindState(statement, 2, group);
        statement.setLong(next, group.version());
    }

    /** Binds the new state, then the id and the version the caller read. */
    static void bindUpdate(PreparedStatement statement, AlertGroup group) throws SQLException {
        int next = bindState(statement, 1, group);
        statement.setString(next, group.id());
        statement.setLong(next + 1, group.version());
    }

    /** @return the next free parameter index */
    private static int bindState(PreparedStatement statement, int first, AlertGroup g) throws SQLException {
        int i = first;
        statement.setString(i++, g.rule());
        statement.setString(i++, g.groupKey());
        statement.setString(i++, g.template());
        setEnum(statement, i++, g.priority());
        statement.setString(i++, g.recipient());
        setEnum(statement, i++, g.channel());
        statement.setString(i++, g.address());
        statement.setString(i++, g.locale());
        statement.setString(i++, g.timeZone());
        statement.setLong(i++, g.count());
        statement.setLong(i++, g.unannounced());
        statement.setString(i++, g.firstItem());
        statement.setString(i++, g.latestItem());
        statement.setString(i++, g.lastEvent());
        setInstant(statement, i++, g.openedAt());
        setInstant(statement, i++, g.lastEventAt());
        setInstant(statement, i++, g.notifiedAt());
        statement.setLong(i++, g.flushes());
        statement.setLong(i++, g.lastAnnounced());
        statement.setBoolean(i++, g.announcing());
        setInstant(statement, i++, g.nextFlushAt());
        statement.setLong(i++, g.interval().toMillis());
        setInstant(statement, i++, g.createdAt());
        setInstant(statement, i++, g.updatedAt());
        return i;
    }

    static AlertGroup read(ResultSet row) throws SQLException {
        return new AlertGroup(
                row.getString("id"),
                row.getString("rule"),
                row.getString("group_key"),
                row.getString("template"),
                getEnum(row, "priority", Priority.class),
                row.getString("recipient"),
                getEnum(row, "channel", Channel.class),
                row.getString("address"),
                row.getString("locale"),
                row.getString("time_zone"),
                row.getLong("event_count"),
                row.getLong("unannounced"),
                row.getString("first_item"),
                row.getString("latest_item"),
                row.getString("last_event"),
                getInstant(row, "opened_at"),
                getInstant(row, "last_event_at"),
                getInstant(row, "notified_at"),
                row.getLong("flushes"),
                row.getLong("last_announced"),
                row.getBoolean("announcing"),
                getInstant(row, "next_flush_at"),
                Duration.ofMillis(row.getLong("interval_ms")),
                getInstant(row, "created_at"),
                getInstant(row, "updated_at"),
                row.getLong("version"));
    }

    /** The copy the store holds after a write: the caller's state with its instants truncated. */
    static AlertGroup stored(AlertGroup g, long version) {
        return new AlertGroup(g.id(), g.rule(), g.groupKey(), g.template(), g.priority(), g.recipient(), g.channel(),
                g.address(), g.locale(), g.timeZone(), g.count(), g.unannounced(), g.firstItem(), g.latestItem(),
                g.lastEvent(), ColumnValues.stored(g.openedAt()), ColumnValues.stored(g.lastEventAt()),
                ColumnValues.stored(g.notifiedAt()), g.flushes(), g.lastAnnounced(), g.announcing(),
                ColumnValues.stored(g.nextFlushAt()),
                Duration.ofMillis(g.interval().toMillis()), ColumnValues.stored(g.createdAt()),
                ColumnValues.stored(g.updatedAt()), version);
    }
}
