package io.herald.store.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real database whose connections and commits a test can count, hold back and fail, and which a test can take
 * down: a group commit, or a round of work on the database, is then observed through what reaches the database, not
 * through timing.
 */
final class GatedDataSource implements DataSource {

    private final DataSource database;
    private final List<String> committers = new CopyOnWriteArrayList<>();
    private final AtomicInteger failingCommits = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile CountDownLatch held = new CountDownLatch(0);
    private volatile CountDownLatch release = new CountDownLatch(0);
    private volatile boolean holdNext;
    private volatile boolean holdNextConnection;
    private volatile boolean down;

    GatedDataSource(DataSource database) {
        this.database = database;
    }

    /** Holds the next commit back until {@link #release()}. */
    synchronized void holdNextCommit() {
        held = new CountDownLatch(1);
        release = new CountDownLatch(1);
        holdNext = true;
    }

    /** Holds the next connection asked for back until {@link #release()}. */
    synchronized void holdNextConnection() {
        held = new CountDownLatch(1);
        release = new CountDownLatch(1);
        holdNextConnection = true;
    }

    /** Waits until the commit or connection announced to be held back is being held back. */
    void awaitHeld() throws InterruptedException {
        if (!held.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("nothing was held back");
        }
    }

    void release() {
        release.countDown();
    }

    /**
     * The next {@code count} commits to start fail as when the connection is lost; the store rolls them back. A commit
     * held back already is not one of them.
     */
    void failCommits(int count) {
        failingCommits.set(count);
    }

    /** From now on no connection can be had, as when the database is down. */
    void goDown() {
        down = true;
    }

    /** How many connections were asked for, also those refused. */
    int connectionsAskedFor() {
        return connections.get();
    }

    /** Commits that succeeded, in order: the name of the thread that made each. */
    List<String> committers() {
        return List.copyOf(committers);
    }

    @Override
    public Connection getConnection() throws SQLException {
        connections.incrementAndGet();
        boolean hold;
        synchronized (this) {
            hold = holdNextConnection;
            holdNextConnection = false;
        }
        if (hold) {
            holdBack();
        }
        if (down) {
            throw new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        }
        return gated(database.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    private Connection gated(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit") && args == null) {
                        beforeCommit();
                    }
                    try {
                        Object result = method.invoke(connection, args);
                        if (method.getName().equals("commit") && args == null) {
                            committers.add(Thread.currentThread().getName());
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void beforeCommit() throws SQLException, InterruptedException {
        boolean hold;
        synchronized (this) {
            hold = holdNext;
            holdNext = false;
        }
        // Decided before a hold, so that failures asked for while a commit is held apply to the commits after it.
        boolean fail = failingCommits.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        if (hold) {
            holdBack();
        }
        if (fail) {
            throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
        }
    }

    private void holdBack() {
        held.countDown();
        try {
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("what was held back was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while held back", e);
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return database.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        database.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        database.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return database.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return database.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return database.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return database.isWrapperFor(iface);
    }
}
