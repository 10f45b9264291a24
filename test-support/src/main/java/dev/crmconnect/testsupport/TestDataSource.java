package dev.crmconnect.testsupport;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The least connection pool that stands for an application's (HikariCP and the like) in tests and
 * benchmarks: a JDBC store opens a connection per operation, and a new PostgreSQL connection per
 * operation is slow. Closing a connection given out returns it, its open transaction rolled back
 * and auto-commit restored; at most {@code maxConnections} are out at once, further callers wait.
 *
 * <p>It also counts what the store asks of the database: statements executed, and commits of
 * transactions that wrote. With PostgreSQL's default durability each such commit waits for a WAL
 * fsync (concurrent commits may share one), so they stand for the store's fsyncs. And it can be
 * {@linkplain #cutOff() cut off}, as if the database died for this instance.
 */
public final class TestDataSource implements DataSource, AutoCloseable {

    private final DataSource physical;
    private final Semaphore available;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong writingCommits = new AtomicLong();
    private volatile boolean cutOff;
    private boolean closed;

    private TestDataSource(DataSource physical, int maxConnections) {
        this.physical = physical;
        this.available = new Semaphore(maxConnections);
    }

    /**
     * A pool of one connection: one caller holds it at a time.
     *
     * @param physical where connections come from
     * @return the pool
     */
    public static TestDataSource oneConnection(DataSource physical) {
        return new TestDataSource(physical, 1);
    }

    /**
     * A pool that opens as many connections as are asked for at once, and keeps them.
     *
     * @param physical where connections come from
     * @return the pool
     */
    public static TestDataSource pool(DataSource physical) {
        return new TestDataSource(physical, Integer.MAX_VALUE);
    }

    /** From now on no connection is given: the database is out of this instance's reach, as if it died. */
    public void cutOff() {
        cutOff = true;
    }

    /**
     * Statements executed so far (a batch counts once: one round trip).
     *
     * @return the count
     */
    public long statements() {
        return statements.get();
    }

    /**
     * Commits so far of transactions that executed an update or a batch.
     *
     * @return the count
     */
    public long writingCommits() {
        return writingCommits.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (cutOff) {
            throw new SQLException("the database is out of reach", "08001");
        }
        available.acquireUninterruptibly();
        try {
            Connection connection;
            synchronized (idle) {
                connection = idle.pollFirst();
            }
            if (connection == null || connection.isClosed()) {
                connection = physical.getConnection();
            }
            return lend(connection);
        } catch (SQLException | RuntimeException e) {
            available.release();
            throw e;
        }
    }

    /** The connection, but {@code close()} gives it back instead of closing it. */
    private Connection lend(Connection connection) {
        boolean[] returned = {false};
        boolean[] wrote = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!returned[0]) {
                                returned[0] = true;
                                giveBack(connection);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return returned[0] || connection.isClosed();
                        }
                        default -> {
                            if (returned[0]) {
                                throw new SQLException("the connection was given back");
                            }
                            if (method.getName().equals("commit") && wrote[0]) {
                                wrote[0] = false;
                                writingCommits.incrementAndGet();
                            } else if (method.getName().equals("rollback")) {
                                wrote[0] = false;
                            }
                            Object result = invoke(connection, method, args);
                            return result instanceof PreparedStatement statement ? counted(statement, wrote) : result;
                        }
                    }
                });
    }

    private PreparedStatement counted(PreparedStatement statement, boolean[] wrote) {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("execute")) {
                        statements.incrementAndGet();
                        if (!name.equals("executeQuery")) {
                            wrote[0] = true;
                        }
                    }
                    return invoke(statement, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void giveBack(Connection connection) throws SQLException {
        try {
            if (connection.isClosed()) {
                return;
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            synchronized (idle) {
                if (!closed) {
                    idle.addFirst(connection);
                    return;
                }
            }
            connection.close();
        } finally {
            available.release();
        }
    }

    /** Closes the idle connections; a connection still out is closed when given back. */
    @Override
    public void close() throws SQLException {
        synchronized (idle) {
            closed = true;
            for (Connection connection : idle) {
                connection.close();
            }
            idle.clear();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool has one set of credentials");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("nothing to unwrap");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
