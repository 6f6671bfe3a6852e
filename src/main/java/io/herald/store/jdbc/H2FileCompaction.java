package io.herald.store.jdbc;

import io.herald.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * One round of compaction of the H2 file: rewrites the live pages of its sparsest chunks into a new one, so that
 * whole chunks empty and H2 reuses their space once its retention time has passed.
 *
 * <p>Why it is needed: with {@code WRITE_DELAY=0} (each commit stored before the store's call returns) H2 runs no
 * background writer, and so none of its own compaction; every commit is a chunk of the file, and a chunk whose
 * pages are mostly dead keeps its space for the few that live. Without rounds the file grows by 70 to 95 KB per
 * event under a light load; with a round every few seconds it levels off (bench/README.md, "H2's file").
 *
 * <p>Rounds run one at a time. Once {@link #stop()} has returned no round runs any more, so that the database can
 * close at shutdown without a round failing on it halfway.
 */
public final class H2FileCompaction {

    /** Chunks less full than this are rewritten. */
    private static final int TARGET_FILL_RATE = 80;
    /**
     * At most this much is rewritten in one round. Commits wait while a round runs: under load, rounds of 16 MB every
     * 5 s made the p99 of intake on H2 two to three times what it is without compaction, where rounds of 2 MB every
     * second leave it so and keep the file about as small (bench/README.md, "H2's long tail").
     */
    private static final int MAX_BYTES_PER_ROUND = 2 * 1024 * 1024;

    private final DataSource dataSource;
    private boolean stopped;

    public H2FileCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs one round on the database of the data source, an embedded H2 file database.
     *
     * @return whether any chunk was rewritten; false once stopped
     * @throws StoreException when the database cannot be reached; it carries no bound value
     */
    public synchronized boolean compactOnce() {
        if (stopped) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            return mvStore(connection).compact(TARGET_FILL_RATE, MAX_BYTES_PER_ROUND);
        } catch (SQLException e) {
            throw new StoreException("H2 file compaction failed: SQLState " + e.getSQLState());
        }
    }

    /** Waits for a round in progress to end; no round runs after this returns. */
    public synchronized void stop() {
        stopped = true;
    }

    static MVStore mvStore(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }
}
