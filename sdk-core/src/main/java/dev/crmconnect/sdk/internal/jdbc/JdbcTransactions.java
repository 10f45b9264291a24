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
     * Runs {@code work} in one transaction on a connection from {@code dataSource}, gives the
     * connection back its auto-commit (a pool may not reset it) and closes it. A
     * {@link RuntimeException} of the work is rethrown as it is, after the rollback.
     *
     * @param dataSource where the connection comes from
     * @param work the work, committed when it returns
     * @param <T> the work's result
     * @return the work's result
     * @throws SQLException if the connection, the work, the commit or the closing fails
     */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                // The work's failure is the one reported; the cleanup's own failures go with it.
                try {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            connection.setAutoCommit(autoCommit);
            return result;
        }
    }
}
