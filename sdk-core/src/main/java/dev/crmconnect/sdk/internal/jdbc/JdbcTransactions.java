package dev.crmconnect.sdk.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One unit of work in one transaction, on a connection of its own from a data source: the JDBC
 * stores' transactions (the checkpoint store's and the sync ledger's). The connection's
 * auto-commit is turned off for the work; the work's result is committed, and a failure of the
 * work or of the commit rolls back. The failure is the one reported: a rollback's own failure is
 * added to it as suppressed. Each store turns the {@link SQLException}s into its own exception.
 */
public final class JdbcTransactions {

    /** What the connection's auto-commit is left as, before the connection is closed. */
    public enum AutoCommit {
        /** As the connection had it: for a pool that does not reset it itself. */
        RESTORE,
        /** Off, as the transaction left it. */
        LEAVE_OFF
    }

    /**
     * The work of a transaction, on the transaction's connection.
     *
     * @param <T> the work's result
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Runs the work.
         *
         * @param connection the transaction's connection, auto-commit off
         * @return the transaction's result
         * @throws SQLException if the database fails the work
         */
        T run(Connection connection) throws SQLException;
    }

    private JdbcTransactions() {
    }

    /**
     * Runs {@code work} in one transaction on a connection from {@code dataSource}, then closes
     * the connection. A {@link RuntimeException} of the work is rethrown as it is, after the
     * rollback.
     *
     * @param dataSource where the connection comes from
     * @param autoCommit what the connection's auto-commit is left as
     * @param work the work, committed when it returns
     * @param <T> the work's result
     * @return the work's result
     * @throws SQLException if the connection, the work, the commit or the closing fails
     */
    public static <T> T inTransaction(DataSource dataSource, AutoCommit autoCommit, Work<T> work)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean restore = autoCommit == AutoCommit.RESTORE;
            boolean previous = restore && connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                if (restore) {
                    connection.setAutoCommit(previous);
                }
            }
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
