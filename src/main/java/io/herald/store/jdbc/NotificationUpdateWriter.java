package io.herald.store.jdbc;

import io.herald.domain.AuditEntry;
import io.herald.domain.Notification;
import io.herald.store.jdbc.GroupCommit.Outcome;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Writes changes of notifications (a claim, a send, a delivery report), each with the audit entry that records it
 * if it has one: one alone in one transaction, several together in one transaction with one JDBC batch per table.
 * Each change is answered as if it had been written alone: the notification as stored when its version condition
 * held, empty when another change came first (also one of the same batch), in which case its audit entry is not
 * written either. A batch that fails is handled as {@link BatchTransaction} says.
 */
final class NotificationUpdateWriter implements GroupCommit.Writer<NotificationUpdateWriter.Change, Optional<Notification>> {

    static final String OPERATION = "updateNotification";

    /** The change of one notification, and the audit entry that records it, or null. */
    record Change(Notification updated, AuditEntry entry) {
    }

    private final StatementRunner statements;

    NotificationUpdateWriter(StatementRunner statements) {
        this.statements = statements;
    }

    @Override
    public List<Outcome<Optional<Notification>>> write(List<Change> changes) {
        return BatchTransaction.write(statements, OPERATION, changes, this::together, this::write);
    }

    private Optional<Notification> write(Change change) {
        if (change.entry() == null) {
            int changed = statements.update(OPERATION, NotificationTable.UPDATE,
                    s -> NotificationTable.bindUpdate(s, change.updated()));
            return changed == 0 ? Optional.empty() : Optional.of(NotificationTable.stored(change.updated()));
        }
        return statements.inTransaction(OPERATION, transaction -> {
            if (transaction.update(NotificationTable.UPDATE, s -> NotificationTable.bindUpdate(s, change.updated()))
                    == 0) {
                transaction.rollback();
                return Optional.<Notification>empty();
            }
            transaction.update(AuditTable.INSERT_IF_ABSENT, s -> AuditTable.bindInsertIfAbsent(s, change.entry()));
            return Optional.of(NotificationTable.stored(change.updated()));
        });
    }

    private List<Outcome<Optional<Notification>>> together(StatementRunner.Statements transaction,
            List<Change> changes) throws SQLException {
        // Rows in id order, so that two processes' batches lock shared rows in the same order and never wait in a
        // cycle; positions rather than changes, as one change may be submitted twice.
        List<Integer> order = IntStream.range(0, changes.size()).boxed()
                .sorted(Comparator.comparing(i -> changes.get(i).updated().id())).toList();
        int[] updated = transaction.batch(NotificationTable.UPDATE, order,
                (statement, i) -> NotificationTable.bindUpdate(statement, changes.get(i).updated()));
        if (Arrays.stream(updated).anyMatch(count -> count != 0 && count != 1)) {
            // Without a count per change nobody can tell which version condition held: written one by one instead.
            throw new IllegalStateException("the driver gave no update count per change");
        }
        List<AuditEntry> audit = new ArrayList<>();
        List<Outcome<Optional<Notification>>> outcomes = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            outcomes.add(Outcome.of(Optional.empty()));
        }
        for (int k = 0; k < order.size(); k++) {
            if (updated[k] == 1) {
                Change change = changes.get(order.get(k));
                outcomes.set(order.get(k), Outcome.of(Optional.of(NotificationTable.stored(change.updated()))));
                if (change.entry() != null) {
                    audit.add(change.entry());
                }
            }
        }
        transaction.batch(AuditTable.INSERT_IF_ABSENT, audit, AuditTable::bindInsertIfAbsent);
        return outcomes;
    }
}
