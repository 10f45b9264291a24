package dev.crmconnect.testkit.poller;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A pool of one connection, as an application's connection pool would be: a poller's store opens
 * a connection per operation, and a new PostgreSQL connection per operation is slow. One caller
 * holds the connection at a time; closing the handle given out returns it.
 */
final class OneConnectionDataSource implements DataSource, AutoCloseable {

    private final DataSource target;
    private final Semaphore available = new Semaphore(1);
    private Connection connection;

    OneConnectionDataSource(DataSource target) {
        this.target = target;
    }

    private volatile boolean cutOff;

    /** From now on no connection is given: the database is out of this instance's reach, as if it died. */
    void cutOff() {
        cutOff = true;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (cutOff) {
            throw new SQLException("the database is out of reach", "08001");
        }
        available.acquireUninterruptibly();
        try {
            if (connection == null || connection.isClosed()) {
                connection = target.getConnection();
            }
            return handle(connection);
        } catch (SQLException | RuntimeException e) {
            available.release();
            throw e;
        }
    }

    /** The connection, but {@code close()} gives it back instead of closing it. */
    private Connection handle(Connection real) {
        boolean[] returned = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        if (!returned[0]) {
                            returned[0] = true;
                            available.release();
                        }
                        return null;
                    }
                    if (method.getName().equals("isClosed") && method.getParameterCount() == 0) {
                        return returned[0] || real.isClosed();
                    }
                    if (returned[0]) {
                        throw new SQLException("the connection was given back");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void close() throws SQLException {
        available.acquireUninterruptibly();
        try {
            if (connection != null) {
                connection.close();
            }
        } finally {
            available.release();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the user is the target data source's");
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
