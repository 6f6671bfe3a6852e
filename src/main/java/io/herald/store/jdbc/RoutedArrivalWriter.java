package io.herald.store.jdbc;

import io.herald.domain.AuditEntry;
import io.herald.domain.Notification;
import io.herald.domain.StoredEvent;
import io.herald.store.RoutedArrival;
import io.herald.store.jdbc.GroupCommit.Outcome;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes arriving events with their routing ({@link RoutedArrival}): one alone in one transaction as ever, several
 * together in one transaction with one JDBC batch per table. Each arrival is answered as if it had been written
 * alone: {@code true} when stored, {@code false} when its event was stored already (by anyone, also by an earlier
 * arrival of the same batch), in which case nothing of it is written.
 *
 * <p>A batch that fails is handled as {@link BatchTransaction} says: because of a row (a constraint, a value the
 * database refuses), each arrival is written alone; because of the database (no connection, a failed commit), every
 * arrival of it gets the same failure.
 */
final class RoutedArrivalWriter implements GroupCommit.Writer<RoutedArrival, Boolean> {

    static final String OPERATION = "insertRoutedEvent";

    /*
     * Events in key order: two batches (of two processes) that share keys then take their row locks in the same order,
     * so that neither waits for the other in a cycle.
     */
    private static final Comparator<RoutedArrival> BY_KEY = Comparator
            .comparing((RoutedArrival arrival) -> arrival.event().source())
            .thenComparing(arrival -> arrival.event().id());

    private final StatementRunner statements;
    private final EventTable events;

    RoutedArrivalWriter(StatementRunner statements, EventTable events) {
        this.statements = statements;
        this.events = events;
    }

    @Override
    public List<Outcome<Boolean>> write(List<RoutedArrival> arrivals) {
        return BatchTransaction.write(statements, OPERATION, arrivals, this::together, this::insert);
    }

    /** One transaction, so one commit (and on H2 one store of changed pages) for all of an arriving event's rows. */
    boolean insert(RoutedArrival arrival) {
        StoredEvent routed = arrival.routedEvent();
        return statements.inTransaction(OPERATION, transaction -> {
            if (!transaction.insertIfAbsent(EventTable.INSERT, s -> events.bindInsert(s, routed))) {
                transaction.rollback();
                return false;
            }
            transaction.batch(NotificationTable.INSERT, arrival.notifications(), NotificationTable::bindInsert);
            transaction.batch(AuditTable.INSERT, List.of(arrival.received(), arrival.routed()), AuditTable::bindInsert);
            return true;
        });
    }

    private List<Outcome<Boolean>> together(StatementRunner.Statements transaction, List<RoutedArrival> arrivals)
            throws SQLException {
        // Positions, not the arrivals themselves: one arrival may be submitted twice, and only the first is stored.
        List<Integer> order = IntStream.range(0, arrivals.size()).boxed()
                .sorted(Comparator.comparing(arrivals::get, BY_KEY)).toList();
        int[] inserted = transaction.batch(EventTable.INSERT_IF_ABSENT, order,
                (statement, i) -> events.bindInsert(statement, arrivals.get(i).routedEvent()));
        if (Arrays.stream(inserted).anyMatch(count -> count != 0 && count != 1)) {
            // A driver set to rewrite batches (PostgreSQL's reWriteBatchedInserts) answers Statement.SUCCESS_NO_INFO, not which insert found
            // its event stored already: written one by one, each arrival gets its own answer.
            throw new IllegalStateException("the driver gave no update count per insert");
        }
        boolean[] stored = new boolean[arrivals.size()];
        List<Notification> notifications = new ArrayList<>();
        List<AuditEntry> audit = new ArrayList<>(2 * arrivals.size());
        for (int k = 0; k < order.size(); k++) {
            if (inserted[k] == 1) {
                RoutedArrival arrival = arrivals.get(order.get(k));
                stored[order.get(k)] = true;
                notifications.addAll(arrival.notifications());
                audit.add(arrival.received());
                audit.add(arrival.routed());
            }
        }
        transaction.batch(NotificationTable.INSERT, notifications, NotificationTable::bindInsert);
        transaction.batch(AuditTable.INSERT, audit, AuditTable::bindInsert);
        List<Outcome<Boolean>> outcomes = new ArrayList<>(arrivals.size());
        for (boolean one : stored) {
            outcomes.add(Outcome.of(one));
        }
        return outcomes;
    }
}
