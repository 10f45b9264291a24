package dev.crmconnect.sdk.internal.jdbc;

import dev.crmconnect.sdk.exception.CheckpointStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The SDK's tables in a database (the checkpoint store's and the sync ledger's), versioned. Each version is a step, a SQL resource beside this class's
 * package ({@code dev/crmconnect/sdk/jdbc/V<n>__<description>.sql}, {@code ${prefix}} standing for
 * the table prefix); the table {@code <prefix>schema_version} records each step applied, with
 * when and what. Opening a store applies the missing steps in order, in one transaction, under a
 * lock that makes instances starting at once apply each step once; a database whose version is
 * newer than this SDK knows is refused, as its tables may mean something this SDK does not.
 *
 * <p>Tables made before the schema had versions have no version table: every step tolerates
 * objects that already exist ({@code IF NOT EXISTS}), so they are brought up to date by applying
 * every step.
 */
public final class JdbcSchema {

    /** The steps, in order; the latest is the version this SDK writes. */
    static final List<String> STEPS = List.of(
            "V1__checkpoint_store.sql",
            "V2__audit_index_by_decision_time.sql",
            "V3__sync_ledger.sql");
    /** The version this SDK writes. */
    public static final int LATEST = STEPS.size();

    private static final String RESOURCES = "/dev/crmconnect/sdk/jdbc/";
    /** The high half of the advisory lock's key: the store's, whatever other locks the database has. */
    private static final long LOCK_KEY_BASE = 0x43524D43L << 32; // "CRMC"

    private final String prefix;
    private final String versionTable;

    /** The schema of the tables whose names start with {@code prefix}. */
    public JdbcSchema(String prefix) {
        this.prefix = prefix;
        this.versionTable = prefix + "schema_version";
    }

    /**
     * Brings the tables to {@link #LATEST} inside the caller's transaction.
     *
     * @throws CheckpointStoreException if the database's version is newer than {@link #LATEST}
     */
    public void migrate(Connection connection) throws SQLException {
        lock(connection);
        execute(connection, "CREATE TABLE IF NOT EXISTS " + versionTable + " ("
                + "version INTEGER NOT NULL PRIMARY KEY, "
                + "description VARCHAR(200) NOT NULL, "
                + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        int current = currentVersion(connection);
        if (current > LATEST) {
            throw new CheckpointStoreException("the tables " + prefix + "* are at schema version "
                    + current + ", newer than the version " + LATEST + " this SDK knows: upgrade the SDK, or give it"
                    + " tables of its own with another table prefix");
        }
        for (int version = current + 1; version <= LATEST; version++) {
            String step = STEPS.get(version - 1);
            for (String sql : statements(step)) {
                execute(connection, sql);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + versionTable
                    + " (version, description, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                insert.setInt(1, version);
                insert.setString(2, description(step));
                insert.executeUpdate();
            }
        }
    }

    /**
     * On PostgreSQL, a lock held until the transaction ends, one per table prefix: a second
     * instance waits, then finds the steps applied. Elsewhere the version's primary key is the
     * backstop, and the loser of a race retries.
     */
    private void lock(Connection connection) throws SQLException {
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            statement.setLong(1, LOCK_KEY_BASE | (prefix.hashCode() & 0xFFFFFFFFL));
            statement.execute();
        }
    }

    private int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM " + versionTable)) {
            return rows.next() ? rows.getInt(1) : 0; // MAX of no rows is NULL, read as 0
        }
    }

    /** The step's statements, with the prefix in place: comments dropped, split at each {@code ;}. */
    List<String> statements(String step) {
        String text;
        try (InputStream in = JdbcSchema.class.getResourceAsStream(RESOURCES + step)) {
            if (in == null) {
                throw new IllegalStateException("the SDK lacks its schema resource " + RESOURCES + step);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the SDK's schema resource " + RESOURCES + step + " is unreadable", e);
        }
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.strip().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : sql.toString().replace("${prefix}", prefix).split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    /** {@code V2__audit_index_by_decision_time.sql} is "audit index by decision time". */
    static String description(String step) {
        return step.substring(step.indexOf("__") + 2, step.lastIndexOf('.')).replace('_', ' ');
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
