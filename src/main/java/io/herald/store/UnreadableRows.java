package io.herald.store;

import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * What a store does with a stored row it cannot read (a value changed by hand, a type an older version wrote):
 * a listing leaves it out, logs it and counts it ({@code herald_store_unreadable_rows_total} by operation), so one
 * bad row never stops start-up, the sweep or anyone else's work. The row stays in the store for an operator.
 */
public final class UnreadableRows {

    private static final Logger LOG = Logger.getLogger(UnreadableRows.class);

    private UnreadableRows() {
    }

    /** Reads each row, leaving out those that cannot be read. */
    public static <R, T> List<T> readEach(String operation, List<R> rows, Function<R, T> reader) {
        List<T> read = new ArrayList<>(rows.size());
        for (R row : rows) {
            try {
                read.add(reader.apply(row));
            } catch (RuntimeException unreadable) {
                skipped(operation, unreadable);
            }
        }
        return read;
    }

    /** Reads the one row asked for by its key: one that cannot be read is a {@link StoreException}, not an absence. */
    public static <R, T> T readOne(String operation, R row, Function<R, T> reader) {
        try {
            return reader.apply(row);
        } catch (RuntimeException unreadable) {
            Metrics.counter("herald.store.unreadable.rows", "operation", operation).increment();
            throw new StoreException(operation + ": the stored row cannot be read");
        }
    }

    public static void skipped(String operation, RuntimeException unreadable) {
        Metrics.counter("herald.store.unreadable.rows", "operation", operation).increment();
        LOG.errorf("%s: left out a stored row that cannot be read (%s); it stays in the store", operation,
                unreadable.toString());
    }
}
