package dev.crmconnect.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The least connection pool that stands for a real one (HikariCP and the like) in the poller
 * benchmark: a closed connection goes back to an idle list instead of being closed, with its
 * auto-commit restored and any open transaction rolled back. Without a pool every store call
 * would open a new PostgreSQL connection, which is what the figure would then measure.
 *
 * <p>It also counts what the store asks of the database: statements executed, and commits of
 * transactions that wrote. With PostgreSQL's default durability each such commit waits for a WAL
 * fsync (concurrent commits may share one), so they stand for the store's fsyncs.
 */
final class PooledDataSource implements DataSource, AutoCloseable {

    private final DataSource physical;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong writingCommits = new AtomicLong();

    PooledDataSource(DataSource physical) {
        this.physical = physical;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection;
        synchronized (idle) {
            connection = idle.pollFirst();
        }
        if (connection == null) {
            connection = physical.getConnection();
        }
        return lend(connection);
    }

    /** Statements executed so far (a batch counts once: one round trip). */
    long statements() {
        return statements.get();
    }

    /** Commits so far of transactions that executed an update or a batch. */
    long writingCommits() {
        return writingCommits.get();
    }

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
                                throw new SQLException("connection already returned to the pool");
                            }
                            if (method.getName().equals("commit") && wrote[0]) {
                                wrote[0] = false;
                                writingCommits.incrementAndGet();
                            } else if (method.getName().equals("rollback")) {
                                wrote[0] = false;
                            }
                            Object result;
                            try {
                                result = method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
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
                    try {
                        return method.invoke(statement, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(Connection connection) throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        synchronized (idle) {
            idle.addFirst(connection);
        }
    }

    /** Closes the idle connections. */
    @Override
    public void close() throws SQLException {
        synchronized (idle) {
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
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
