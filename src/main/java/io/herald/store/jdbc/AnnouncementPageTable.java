package io.herald.store.jdbc;

import static io.herald.store.jdbc.ColumnValues.getEnum;
import static io.herald.store.jdbc.ColumnValues.getInstant;
import static io.herald.store.jdbc.ColumnValues.setEnum;
import static io.herald.store.jdbc.ColumnValues.setInstant;

import io.herald.domain.AnnouncementPage;
import io.herald.domain.AnnouncementPageStatus;
import io.herald.domain.Channel;
import io.herald.domain.Priority;
import io.herald.store.PageMembersJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The statements on table {@code announcement_pages} and the mapping between its rows and {@link AnnouncementPage}. */
final class AnnouncementPageTable {

    /** Every column but id and version, in the order {@link #bindState} binds them. */
    private static final String STATE_COLUMNS = "announcement_id, page_no, page_count, rule, template, priority, "
            + "channel, locale, time_zone, event_source, event_id, members, status, attempts, send_at, expires_at, "
            + "next_attempt_at, job_id, last_error, alert_owed, created_at, updated_at";

    private static final String COLUMNS = "id, " + STATE_COLUMNS + ", version";

    static final String INSERT = "INSERT INTO announcement_pages (" + COLUMNS + ") VALUES (?"
            + ", ?".repeat(STATE_COLUMNS.split(",").length) + ", ?)";

    static final String FIND = "SELECT " + COLUMNS + " FROM announcement_pages WHERE id = ?";

    static final String UPDATE = "UPDATE announcement_pages SET "
            + STATE_COLUMNS.replace(",", " = ?,") + " = ?, version = version + 1 WHERE id = ? AND version = ?";

    /** Parameters: announcement, first page, limit. Index {@code announcement_pages_by_announcement}. */
    static final String OF_ANNOUNCEMENT = "SELECT " + COLUMNS + " FROM announcement_pages"
            + " WHERE announcement_id = ? AND page_no >= ? ORDER BY page_no LIMIT ?";

    /** Parameters: due by, limit. Index {@code announcement_pages_due}, read in its order. */
    static final String DUE = "SELECT " + COLUMNS + " FROM announcement_pages WHERE next_attempt_at <= ?"
            + " ORDER BY next_attempt_at, id LIMIT ?";

    /** Parameters: status (SENT), sent since, limit. Index {@code announcement_pages_by_status}, read in its order. */
    static final String WITH_STATUS_UPDATED_SINCE = "SELECT " + COLUMNS + " FROM announcement_pages"
            + " WHERE status = ? AND updated_at >= ? ORDER BY status, updated_at, id LIMIT ?";

    private AnnouncementPageTable() {
    }

    static void bindInsert(PreparedStatement statement, AnnouncementPage page) throws SQLException {
        statement.setString(1, page.id());
        int next = bindState(statement, 2, page);
        statement.setLong(next, page.version());
    }

    /** Binds the new state, then the id and the version the caller read. */
    static void bindUpdate(PreparedStatement statement, AnnouncementPage page) throws SQLException {
        int next = bindState(statement, 1, page);
        statement.setString(next, page.id());
        statement.setLong(next + 1, page.version());
    }

    /** @return the next free parameter index */
    private static int bindState(PreparedStatement statement, int first, AnnouncementPage p) throws SQLException {
        int i = first;
        statement.setString(i++, p.announcementId());
        statement.setInt(i++, p.number());
        statement.setInt(i++, p.pageCount());
        statement.setString(i++, p.rule());
        statement.setString(i++, p.template());
        setEnum(statement, i++, p.priority());
        setEnum(statement, i++, p.channel());
        statement.setString(i++, p.locale());
        statement.setString(i++, p.timeZone());
        statement.setString(i++, p.eventSource());
        statement.setString(i++, p.eventId());
        statement.setString(i++, PageMembersJson.write(p.members()));
        setEnum(statement, i++, p.status());
        statement.setInt(i++, p.attempts());
        setInstant(statement, i++, p.sendAt());
        setInstant(statement, i++, p.expiresAt());
        setInstant(statement, i++, p.nextAttemptAt());
        statement.setString(i++, p.jobId());
        statement.setString(i++, p.lastError());
        statement.setString(i++, p.alertOwed());
        setInstant(statement, i++, p.createdAt());
        setInstant(statement, i++, p.updatedAt());
        return i;
    }

    static AnnouncementPage read(ResultSet row) throws SQLException {
        return new AnnouncementPage(
                row.getString("id"),
                row.getString("announcement_id"),
                row.getInt("page_no"),
                row.getInt("page_count"),
                row.getString("rule"),
                row.getString("template"),
                getEnum(row, "priority", Priority.class),
                getEnum(row, "channel", Channel.class),
                row.getString("locale"),
                row.getString("time_zone"),
                row.getString("event_source"),
                row.getString("event_id"),
                PageMembersJson.read(row.getString("members")),
                getEnum(row, "status", AnnouncementPageStatus.class),
                row.getInt("attempts"),
                getInstant(row, "send_at"),
                getInstant(row, "expires_at"),
                getInstant(row, "next_attempt_at"),
                row.getString("job_id"),
                row.getString("last_error"),
                row.getString("alert_owed"),
                getInstant(row, "created_at"),
                getInstant(row, "updated_at"),
                row.getLong("version"));
    }

    /** The copy the store holds after a write: the caller's state with its instants truncated. */
    static AnnouncementPage stored(AnnouncementPage p, long version) {
        return new AnnouncementPage(p.id(), p.announcementId(), p.number(), p.pageCount(), p.rule(), p.template(),
                p.priority(), p.channel(), p.locale(), p.timeZone(), p.eventSource(), p.eventId(), p.members(),
                p.status(), p.attempts(), ColumnValues.stored(p.sendAt()), ColumnValues.stored(p.expiresAt()),
                ColumnValues.stored(p.nextAttemptAt()), p.jobId(), p.lastError(), p.alertOwed(),
                ColumnValues.stored(p.createdAt()), ColumnValues.stored(p.updatedAt()), version);
    }
}
