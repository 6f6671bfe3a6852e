package io.herald.store.jdbc;

import io.herald.domain.AnnouncementPage;
import io.herald.domain.AnnouncementPageStatus;
import io.herald.store.AnnouncementStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link AnnouncementStore} on a relational database (PostgreSQL, or H2 in PostgreSQL mode) with the schema of
 * {@code db/migration} (V8__announcement_pages.sql, V9__announcement_withdrawals.sql). One statement per call in autocommit mode, as in
 * {@link JdbcStore}: the primary key refuses a second insert, updates are conditional on the version read.
 * Thread-safe as long as the data source is.
 */
public final class JdbcAnnouncementStore implements AnnouncementStore {

    private static final String INSERT_WITHDRAWAL =
            "INSERT INTO announcement_withdrawals (announcement_id, withdrawn_at) VALUES (?, ?)";
    private static final String FIND_WITHDRAWAL =
            "SELECT withdrawn_at FROM announcement_withdrawals WHERE announcement_id = ?";

    private final StatementRunner statements;

    public JdbcAnnouncementStore(DataSource dataSource) {
        this.statements = new StatementRunner(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public boolean insertPage(AnnouncementPage page) {
        return statements.insertIfAbsent("insertPage", AnnouncementPageTable.INSERT,
                s -> AnnouncementPageTable.bindInsert(s, page));
    }

    @Override
    public Optional<AnnouncementPage> findPage(String id) {
        return statements.one("findPage", AnnouncementPageTable.FIND, s -> s.setString(1, id),
                AnnouncementPageTable::read);
    }

    @Override
    public Optional<AnnouncementPage> updatePage(AnnouncementPage updated) {
        int changed = statements.update("updatePage", AnnouncementPageTable.UPDATE,
                s -> AnnouncementPageTable.bindUpdate(s, updated));
        return changed == 0 ? Optional.empty()
                : Optional.of(AnnouncementPageTable.stored(updated, updated.version() + 1));
    }

    @Override
    public List<AnnouncementPage> pagesOf(String announcementId, int fromPage, int limit) {
        QueryLimits.requirePositive(limit);
        return statements.list("pagesOf", AnnouncementPageTable.OF_ANNOUNCEMENT, s -> {
            s.setString(1, announcementId);
            s.setInt(2, fromPage);
            s.setInt(3, limit);
        }, AnnouncementPageTable::read);
    }

    @Override
    public List<AnnouncementPage> duePages(Instant dueBy, int limit) {
        QueryLimits.requirePositive(limit);
        return statements.list("duePages", AnnouncementPageTable.DUE, s -> {
            ColumnValues.setInstant(s, 1, dueBy);
            s.setInt(2, limit);
        }, AnnouncementPageTable::read);
    }

    @Override
    public List<AnnouncementPage> awaitingDeliveryStatus(Instant sentSince, int limit) {
        QueryLimits.requirePositive(limit);
        return statements.list("awaitingDeliveryStatus", AnnouncementPageTable.WITH_STATUS_UPDATED_SINCE, s -> {
            ColumnValues.setEnum(s, 1, AnnouncementPageStatus.SENT);
            ColumnValues.setInstant(s, 2, sentSince);
            s.setInt(3, limit);
        }, AnnouncementPageTable::read);
    }

    @Override
    public boolean recordWithdrawal(String announcementId, Instant at) {
        return statements.insertIfAbsent("recordWithdrawal", INSERT_WITHDRAWAL, s -> {
            s.setString(1, announcementId);
            ColumnValues.setInstant(s, 2, at);
        });
    }

    @Override
    public Optional<Instant> withdrawnAt(String announcementId) {
        return statements.one("withdrawnAt", FIND_WITHDRAWAL, s -> s.setString(1, announcementId),
                row -> ColumnValues.getInstant(row, "withdrawn_at"));
    }
}
