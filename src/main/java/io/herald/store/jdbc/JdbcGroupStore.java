package io.herald.store.jdbc;

import io.herald.domain.AlertGroup;
import io.herald.domain.ThrottleWindow;
import io.herald.store.GroupStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link GroupStore} on a relational database (PostgreSQL, or H2 in PostgreSQL mode) with the schema of
 * {@code db/migration} (V5__alert_groups.sql, V6__throttle_windows.sql). One statement per call in autocommit
 * mode, as in {@link JdbcStore}: the primary key refuses a second insert, updates are conditional on the version
 * read. Thread-safe as long as the
 * data source is.
 */
public final class JdbcGroupStore implements GroupStore {

    private final StatementRunner statements;

    public JdbcGroupStore(DataSource dataSource) {
        this.statements = new StatementRunner(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public boolean insertGroup(AlertGroup group) {
        return statements.insertIfAbsent("insertGroup", GroupTable.INSERT, s -> GroupTable.bindInsert(s, group));
    }

    @Override
    public Optional<AlertGroup> findGroup(String id) {
        return statements.one("findGroup", GroupTable.FIND, s -> s.setString(1, id), GroupTable::read);
    }

    @Override
    public Optional<AlertGroup> updateGroup(AlertGroup updated) {
        int changed = statements.update("updateGroup", GroupTable.UPDATE, s -> GroupTable.bindUpdate(s, updated));
        return changed == 0 ? Optional.empty() : Optional.of(GroupTable.stored(updated, updated.version() + 1));
    }

    @Override
    public List<AlertGroup> dueGroups(Instant now, int limit) {
        QueryLimits.requirePositive(limit);
        return statements.list("dueGroups", GroupTable.DUE, s -> {
            ColumnValues.setInstant(s, 1, now);
            s.setInt(2, limit);
        }, GroupTable::read);
    }

    @Override
    public boolean insertWindow(ThrottleWindow window) {
        return statements.insertIfAbsent("insertWindow", ThrottleWindowTable.INSERT,
                s -> ThrottleWindowTable.bindInsert(s, window));
    }

    @Override
    public Optional<ThrottleWindow> findWindow(String id) {
        return statements.one("findWindow", ThrottleWindowTable.FIND, s -> s.setString(1, id),
                ThrottleWindowTable::read);
    }

    @Override
    public Optional<ThrottleWindow> updateWindow(ThrottleWindow updated) {
        int changed = statements.update("updateWindow", ThrottleWindowTable.UPDATE,
                s -> ThrottleWindowTable.bindUpdate(s, updated));
        return changed == 0 ? Optional.empty() : Optional.of(ThrottleWindowTable.stored(updated));
    }
}
