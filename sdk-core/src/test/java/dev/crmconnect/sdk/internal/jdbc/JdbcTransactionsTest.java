package dev.crmconnect.sdk.internal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The transaction around a JDBC store's work, on a connection that records what it is asked. */
class JdbcTransactionsTest {

    private final List<String> calls = new ArrayList<>();
    private SQLException rollbackFailure;

    private DataSource dataSource() {
        Connection connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    String call = method.getName() + (args == null ? "" : "(" + args[0] + ")");
                    calls.add(call);
                    if (method.getName().equals("rollback") && rollbackFailure != null) {
                        throw rollbackFailure;
                    }
                    return method.getName().equals("getAutoCommit") ? Boolean.TRUE : null;
                });
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> connection);
    }

    @Test
    void commitsTheWorkAndRestoresAutoCommit() throws SQLException {
        assertEquals("done", JdbcTransactions.inTransaction(dataSource(), c -> "done"));
        assertEquals(List.of("getAutoCommit", "setAutoCommit(false)", "commit", "setAutoCommit(true)", "close"),
                calls);
    }

    @Test
    void rollsBackAFailureAndKeepsIt() {
        SQLException failure = new SQLException("work failed", "40001");
        SQLException thrown = assertThrows(SQLException.class,
                () -> JdbcTransactions.inTransaction(dataSource(), c -> {
                    throw failure;
                }));
        assertSame(failure, thrown);
        assertEquals(0, thrown.getSuppressed().length);
        assertEquals(List.of("getAutoCommit", "setAutoCommit(false)", "rollback", "setAutoCommit(true)", "close"),
                calls);
    }

    @Test
    void aFailedRollbackIsSuppressedInTheFailure() {
        rollbackFailure = new SQLException("rollback failed");
        IllegalStateException failure = new IllegalStateException("work failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> JdbcTransactions.inTransaction(dataSource(), c -> {
                    throw failure;
                }));
        assertSame(failure, thrown);
        assertEquals(List.of(rollbackFailure), List.of(thrown.getSuppressed()));
        assertEquals(List.of("getAutoCommit", "setAutoCommit(false)", "rollback", "close"), calls);
    }
}
