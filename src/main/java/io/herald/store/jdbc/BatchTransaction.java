package io.herald.store.jdbc;

import io.herald.store.StoreException;
import io.herald.store.jdbc.GroupCommit.Outcome;
import java.sql.SQLException;
import java.util.List;

/**
 * How the JDBC writers of a {@link GroupCommit} write a batch: one item alone as ever; several in one transaction;
 * when that fails because of a row, each alone, so that only the one at fault fails; when it fails because of the
 * database, nothing of it is stored and every item gets the same failure, an instance of its own.
 */
final class BatchTransaction {

    /** Writes all the items in the one transaction given. */
    @FunctionalInterface
    interface Together<T, R> {

        /** @return one outcome per item, in the order of {@code items} */
        List<Outcome<R>> write(StatementRunner.Statements transaction, List<T> items) throws SQLException;
    }

    /** Writes one item in a transaction of its own. */
    @FunctionalInterface
    interface Alone<T, R> {
        R write(T item);
    }

    private BatchTransaction() {
    }

    static <T, R> List<Outcome<R>> write(StatementRunner statements, String operation, List<T> items,
            Together<T, R> together, Alone<T, R> alone) {
        if (items.size() == 1) {
            return List.of(alone(alone, items.get(0)));
        }
        try {
            return statements.inTransaction(operation, transaction -> together.write(transaction, items),
                    () -> items.stream().map(item -> alone(alone, item)).toList());
        } catch (StoreException databaseFailed) {
            // An instance per caller, each thrown in its own thread; the message names no value (StatementRunner).
            return items.stream()
                    .map(item -> Outcome.<R>failed(new StoreException(databaseFailed.getMessage())))
                    .toList();
        }
    }

    private static <T, R> Outcome<R> alone(Alone<T, R> alone, T item) {
        try {
            return Outcome.of(alone.write(item));
        } catch (RuntimeException e) {
            return Outcome.failed(e);
        }
    }
}
