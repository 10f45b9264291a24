package dev.crmconnect.sdk.internal.sync;

import dev.crmconnect.sdk.exception.CheckpointStoreException;
import dev.crmconnect.sdk.exception.SyncLedgerException;
import dev.crmconnect.sdk.internal.jdbc.JdbcSchema;
import dev.crmconnect.sdk.internal.jdbc.JdbcTransactions;
import dev.crmconnect.sdk.internal.jdbc.JdbcTransactions.Work;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The JDBC ledger (PostgreSQL): one table, {@code crmconnect_sync_ledger}, a step of the SDK's
 * versioned schema ({@link JdbcSchema}, shared with the JDBC checkpoint store). A batch of lookups is one query
 * ({@code record_key = ANY(?)}); a batch of writes is one transaction of batched upserts. Each
 * call takes a connection from the data source: pass a pooled one.
 */
public final class JdbcLedgerStore implements LedgerStore {

    /** The tables' prefix, the JDBC checkpoint store's default: one schema version table for both. */
    private static final String PREFIX = "crmconnect_";
    static final String TABLE = PREFIX + "sync_ledger";
    private static final String SALT_SCOPE = "$salt";

    private final DataSource dataSource;
    private final byte[] salt;

    /** Connects, creates the table when absent, and reads (or creates) the salt. */
    public JdbcLedgerStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
        createSchema();
        this.salt = loadSalt();
    }

    private void createSchema() {
        try {
            inTransaction("create the sync ledger's table", connection -> {
                new JdbcSchema(PREFIX).migrate(connection);
                return null;
            });
        } catch (CheckpointStoreException tooNew) {
            throw new SyncLedgerException(tooNew.getMessage(), tooNew);
        }
    }

    private byte[] loadSalt() {
        byte[] fresh = IndexedLedgerStore.newSalt();
        return inTransaction("read the sync ledger's salt", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                    + " (tenant, resource, record_key, digest, generation) VALUES ('', ?, '', ?, 0)"
                    + " ON CONFLICT (tenant, resource, record_key) DO NOTHING")) {
                insert.setString(1, SALT_SCOPE);
                insert.setBytes(2, fresh);
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT digest FROM " + TABLE
                    + " WHERE tenant = '' AND resource = ? AND record_key = ''")) {
                select.setString(1, SALT_SCOPE);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getBytes(1);
                }
            }
        });
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public long startRun(String tenant, String scope) {
        return inTransaction("start a run", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(MAX(generation), 0) FROM "
                    + TABLE + " WHERE tenant = ? AND resource = ?")) {
                select.setString(1, tenant);
                select.setString(2, scope);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1) + 1;
                }
            }
        });
    }

    @Override
    public Digest[] lookup(String tenant, String scope, List<String> keys) {
        Digest[] digests = new Digest[keys.size()];
        if (keys.isEmpty()) {
            return digests;
        }
        Map<String, Digest> found = inTransaction("look up records", connection -> {
            Map<String, Digest> byKey = new HashMap<>();
            Array array = connection.createArrayOf("varchar", keys.toArray());
            try (PreparedStatement select = connection.prepareStatement("SELECT record_key, digest FROM " + TABLE
                    + " WHERE tenant = ? AND resource = ? AND record_key = ANY(?)")) {
                select.setString(1, tenant);
                select.setString(2, scope);
                select.setArray(3, array);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        byKey.put(rows.getString(1), Digest.of(rows.getBytes(2), 0));
                    }
                }
            } finally {
                array.free();
            }
            return byKey;
        });
        for (int i = 0; i < digests.length; i++) {
            digests[i] = found.get(keys.get(i));
        }
        return digests;
    }

    @Override
    public void record(String tenant, String scope, List<String> keys, List<Digest> digests, long generation) {
        if (keys.isEmpty()) {
            return;
        }
        inTransaction("record acknowledged records", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + TABLE
                    + " (tenant, resource, record_key, digest, generation) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (tenant, resource, record_key)"
                    + " DO UPDATE SET digest = EXCLUDED.digest, generation = EXCLUDED.generation")) {
                for (int i = 0; i < keys.size(); i++) {
                    upsert.setString(1, tenant);
                    upsert.setString(2, scope);
                    upsert.setString(3, keys.get(i));
                    upsert.setBytes(4, digests.get(i).toBytes());
                    upsert.setLong(5, generation);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void forget(String tenant, String scope, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        inTransaction("forget records", connection -> {
            Array array = connection.createArrayOf("varchar", keys.toArray());
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE
                    + " WHERE tenant = ? AND resource = ? AND record_key = ANY(?)")) {
                delete.setString(1, tenant);
                delete.setString(2, scope);
                delete.setArray(3, array);
                delete.executeUpdate();
            } finally {
                array.free();
            }
            return null;
        });
    }

    @Override
    public List<String> staleKeys(String tenant, String scope, long generation, int limit) {
        return inTransaction("find records not seen in this run", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT record_key FROM " + TABLE
                    + " WHERE tenant = ? AND resource = ? AND generation < ? LIMIT ?")) {
                select.setString(1, tenant);
                select.setString(2, scope);
                select.setLong(3, generation);
                select.setInt(4, limit);
                List<String> keys = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        keys.add(rows.getString(1));
                    }
                }
                return keys;
            }
        });
    }

    @Override
    public long countStale(String tenant, String scope, long generation) {
        return count(tenant, scope, generation);
    }

    @Override
    public long count(String tenant, String scope) {
        return count(tenant, scope, Long.MAX_VALUE);
    }

    private long count(String tenant, String scope, long belowGeneration) {
        return inTransaction("count records", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + TABLE
                    + " WHERE tenant = ? AND resource = ? AND generation < ?")) {
                select.setString(1, tenant);
                select.setString(2, scope);
                select.setLong(3, belowGeneration);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    @Override
    public void close() {
        // Connections are the data source's; nothing is held between calls.
    }

    /** One transaction; a database failure becomes a {@link SyncLedgerException} naming what failed. */
    private <T> T inTransaction(String what, Work<T> work) {
        try {
            return JdbcTransactions.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new SyncLedgerException("the sync ledger could not " + what + " (SQLState " + e.getSQLState() + ")",
                    e);
        }
    }
}
