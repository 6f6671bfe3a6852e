package io.herald.store.jdbc;

import io.herald.store.StoreException;
import io.herald.store.UnreadableRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Runs one prepared statement per call on a connection of its own in autocommit mode, so each call is durable
 * on return and needs no transaction; or, for writes that belong together, several statements in one transaction
 * ({@link #inTransaction}). Failures become {@link StoreException}s that carry no bound value.
 */
final class StatementRunner {

    @FunctionalInterface
    interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Same code on PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * SQLState classes whose driver messages describe the connection or the server, never a value: connection
     * exception, insufficient resources, operator intervention, system error.
     */
    private static final Set<String> VALUE_FREE_STATE_CLASSES = Set.of("08", "53", "57", "58");

    private final DataSource dataSource;

    StatementRunner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return {@code false} if the row was not inserted because its key exists already */
    boolean insertIfAbsent(String operation, String sql, Parameters parameters) {
        return run(operation, sql, statement -> {
            parameters.bind(statement);
            return insertedOrExisting(statement);
        });
    }

    @FunctionalInterface
    interface Transaction<T> {
        T run(Statements statements) throws SQLException;
    }

    /** The statements of one transaction, all on its connection. */
    static final class Statements {

        private final Connection connection;

        private Statements(Connection connection) {
            this.connection = connection;
        }

        /**
         * @return {@code false} if the row was not inserted because its key exists already; the transaction can
         *         then only be rolled back (PostgreSQL refuses any further statement in it)
         */
        boolean insertIfAbsent(String sql, Parameters parameters) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(statement);
                return insertedOrExisting(statement);
            }
        }

        /**
         * Runs {@code sql} once per element of {@code items}, prepared once and sent to the database as one batch.
         *
         * @return the driver's update count per element, in order ({@link java.sql.Statement#SUCCESS_NO_INFO} where
         *         it does not tell)
         */
        <T> int[] batch(String sql, List<T> items, BatchParameters<T> parameters) throws SQLException {
            if (items.isEmpty()) {
                return new int[0];
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (T item : items) {
                    parameters.bind(statement, item);
                    statement.addBatch();
                }
                return statement.executeBatch();
            }
        }

        /** @return the number of rows changed */
        int update(String sql, Parameters parameters) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(statement);
                return statement.executeUpdate();
            }
        }

        void rollback() throws SQLException {
            connection.rollback();
        }
    }

    @FunctionalInterface
    interface BatchParameters<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction on one connection: committed when it returns, so that all its writes
     * are durable together, and rolled back when it fails, so that none is.
     */
    <T> T inTransaction(String operation, Transaction<T> work) {
        return transaction(operation, work, null);
    }

    /**
     * Like {@link #inTransaction(String, Transaction)}, for a write of several independent items: when {@code work}
     * fails because of what it wrote (a constraint, a value the database refuses, a value that cannot be bound) rather
     * than because of the database, the transaction is rolled back, its connection given back, and what
     * {@code rowFailure} gives is returned instead, so that the caller can write the items one by one. A failure of
     * the database (connection, resources, operator intervention, system error) or of the commit is thrown, as by
     * {@link #inTransaction(String, Transaction)}: then nothing was stored.
     */
    <T> T inTransaction(String operation, Transaction<T> work, Supplier<T> rowFailure) {
        return transaction(operation, work, Objects.requireNonNull(rowFailure, "rowFailure"));
    }

    private <T> T transaction(String operation, Transaction<T> work, Supplier<T> rowFailure) {
        Connection connection = connect(operation);
        try (connection) {
            // The pool hands out autocommit connections (see connect), so there is nothing to restore after.
            connection.setAutoCommit(false);
            boolean committing = false;
            try {
                T result = work.run(new Statements(connection));
                committing = true;
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                if (rowFailure == null || committing || e instanceof SQLException sql && concernsDatabase(sql)) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw failure(operation, e);
        }
        // Past the try: the connection is back in the pool, free for the writes one by one.
        return rowFailure.get();
    }

    /** Whether the failure is the database's rather than a value's: then its message names no value either. */
    private static boolean concernsDatabase(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.length() >= 2 && VALUE_FREE_STATE_CLASSES.contains(state.substring(0, 2));
    }

    private static boolean insertedOrExisting(PreparedStatement statement) throws SQLException {
        try {
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** @return the number of rows changed */
    int update(String operation, String sql, Parameters parameters) {
        return run(operation, sql, statement -> {
            parameters.bind(statement);
            return statement.executeUpdate();
        });
    }

    /** The rows of a query; a row that cannot be read is left out ({@link UnreadableRows}). */
    <T> List<T> list(String operation, String sql, Parameters parameters, Row<T> row) {
        return read(operation, sql, parameters, row, true);
    }

    /** The one row a query names; a row that cannot be read is a {@link StoreException}, not an absence. */
    <T> Optional<T> one(String operation, String sql, Parameters parameters, Row<T> row) {
        List<T> rows = read(operation, sql, parameters, row, false);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private <T> List<T> read(String operation, String sql, Parameters parameters, Row<T> row,
            boolean leaveOutUnreadable) {
        return run(operation, sql, statement -> {
            parameters.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    try {
                        result.add(row.read(rows));
                    } catch (RuntimeException unreadable) {
                        if (!leaveOutUnreadable) {
                            throw new StoreException(operation + ": the stored row cannot be read");
                        }
                        UnreadableRows.skipped(operation, unreadable);
                    }
                }
                return result;
            }
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private <T> T run(String operation, String sql, Work<T> work) {
        Connection connection = connect(operation);
        try (connection; PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    private Connection connect(String operation) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            // Nothing has been bound yet, so the driver's or pool's message is safe to pass on.
            throw new StoreException(operation + " failed: no database connection (SQLState " + e.getSQLState()
                    + "): " + e.getMessage());
        }
        try {
            // Without autocommit a write would not be durable when the call returns.
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw failure(operation, e);
        }
    }

    private static StoreException failure(String operation, SQLException e) {
        String state = e.getSQLState();
        String message = operation + " failed: SQLState " + state + ", vendor code " + e.getErrorCode() + " ("
                + e.getClass().getSimpleName() + ")";
        if (concernsDatabase(e)) {
            message += ": " + e.getMessage();
        }
        // The SQLException is deliberately not attached as the cause: drivers put bound values in their
        // messages (H2 and PostgreSQL both do for constraint and length violations).
        return new StoreException(message);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The transaction's own failure is what the caller needs; a connection that cannot roll back is
            // discarded by the pool when it is closed.
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The connection is unusable either way; the original failure is what matters.
        }
    }
}
