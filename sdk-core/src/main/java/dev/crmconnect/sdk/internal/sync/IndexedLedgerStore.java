package dev.crmconnect.sdk.internal.sync;

import dev.crmconnect.sdk.exception.SyncLedgerException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory and file ledgers: every entry in a {@link KeyIndex} per scope; the file ledger
 * also appends each change to a {@link LedgerLog} and syncs it before a write returns. One lock
 * for the whole store: a write is a few hash-table operations and, for the file, one append and
 * one fsync per batch, whatever the number of tenants.
 */
public final class IndexedLedgerStore implements LedgerStore {

    /** A tenant's scope: its entries and its latest run. */
    static final class Scope {
        final int id;
        final String tenant;
        final String name;
        final KeyIndex index = new KeyIndex();
        long generation;

        Scope(int id, String tenant, String name) {
            this.id = id;
            this.tenant = tenant;
            this.name = name;
        }
    }

    private final byte[] salt;
    private final LedgerLog log;
    private final Map<String, Scope> scopes = new HashMap<>();
    private final List<Scope> byId = new ArrayList<>();
    /**
     * The entries held over every scope, kept as writes change them: a write checks it against the
     * log's length, and summing the scopes there would cost each write as many steps as tenants.
     */
    private long liveEntries;
    private boolean closed;

    private IndexedLedgerStore(byte[] salt, LedgerLog log) {
        this.salt = salt;
        this.log = log;
    }

    /** A ledger held in this process's memory only. */
    public static IndexedLedgerStore inMemory() {
        return new IndexedLedgerStore(newSalt(), null);
    }

    /** A ledger in {@code directory}, created when absent, replayed from its log when present. */
    public static IndexedLedgerStore file(Path directory) {
        LedgerLog.Opened opened = LedgerLog.open(directory, IndexedLedgerStore::newSalt);
        IndexedLedgerStore store = new IndexedLedgerStore(opened.salt(), opened.log());
        try {
            opened.log().replay(store.new Replay());
            store.liveEntries = store.size();
        } catch (RuntimeException e) {
            opened.log().close();
            throw e;
        }
        return store;
    }

    static byte[] newSalt() {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        return salt;
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public synchronized long startRun(String tenant, String scope) {
        Scope s = scope(tenant, scope, true);
        s.generation = Math.max(s.generation, s.index.maxGeneration()) + 1;
        if (log != null) {
            log.appendRun(s.id, s.generation);
            log.sync();
        }
        return s.generation;
    }

    @Override
    public synchronized Digest[] lookup(String tenant, String scope, List<String> keys) {
        Digest[] digests = new Digest[keys.size()];
        Scope s = scope(tenant, scope, false);
        if (s != null) {
            for (int i = 0; i < digests.length; i++) {
                digests[i] = s.index.digest(KeyIndex.bytesOf(keys.get(i)));
            }
        }
        return digests;
    }

    @Override
    public synchronized void record(String tenant, String scope, List<String> keys, List<Digest> digests,
                                    long generation) {
        if (keys.isEmpty()) {
            return;
        }
        Scope s = scope(tenant, scope, true);
        int before = s.index.size();
        for (int i = 0; i < keys.size(); i++) {
            byte[] key = KeyIndex.bytesOf(keys.get(i));
            s.index.put(key, digests.get(i), (int) generation);
            if (log != null) {
                log.appendPut(s.id, key, digests.get(i), generation);
            }
        }
        liveEntries += s.index.size() - before;
        afterWrite();
    }

    @Override
    public synchronized void forget(String tenant, String scope, Collection<String> keys) {
        Scope s = scope(tenant, scope, false);
        if (s == null) {
            return;
        }
        int removed = 0;
        for (String text : keys) {
            byte[] key = KeyIndex.bytesOf(text);
            if (s.index.remove(key)) {
                removed++;
                if (log != null) {
                    log.appendDelete(s.id, key);
                }
            }
        }
        if (removed > 0) {
            liveEntries -= removed;
            afterWrite();
        }
    }

    @Override
    public synchronized List<String> staleKeys(String tenant, String scope, long generation, int limit) {
        List<String> stale = new ArrayList<>();
        Scope s = scope(tenant, scope, false);
        if (s != null) {
            s.index.staleKeys(generation, limit, stale);
        }
        return stale;
    }

    @Override
    public synchronized long countStale(String tenant, String scope, long generation) {
        Scope s = scope(tenant, scope, false);
        return s == null ? 0 : s.index.countStale(generation);
    }

    @Override
    public synchronized long count(String tenant, String scope) {
        Scope s = scope(tenant, scope, false);
        return s == null ? 0 : s.index.size();
    }

    /** The entries held, over every scope; for tests and the benchmark. */
    public synchronized long size() {
        long size = 0;
        for (Scope s : byId) {
            size += s.index.size();
        }
        return size;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (log != null) {
                log.close();
            }
        }
    }

    private void afterWrite() {
        if (log == null) {
            return;
        }
        log.sync();
        if (log.shouldCompact(liveEntries)) {
            log.compact(byId);
        }
    }

    private Scope scope(String tenant, String name, boolean create) {
        if (closed) {
            throw new SyncLedgerException("the sync ledger is closed");
        }
        String id = tenant + '\n' + name;
        Scope s = scopes.get(id);
        if (s == null && create) {
            s = new Scope(byId.size(), tenant, name);
            scopes.put(id, s);
            byId.add(s);
            if (log != null) {
                log.appendScope(s.id, tenant, name);
            }
        }
        return s;
    }

    /** Applies the log's records, in order, when the file ledger opens. */
    final class Replay implements LedgerLog.Visitor {
        @Override
        public void scope(int id, String tenant, String name) {
            if (id != byId.size()) {
                throw new SyncLedgerException("the sync ledger's log declares scope " + id + " out of order");
            }
            Scope s = new Scope(id, tenant, name);
            scopes.put(tenant + '\n' + name, s);
            byId.add(s);
        }

        @Override
        public void put(int scope, byte[] bytes, int offset, int length, long digestHigh, long digestLow,
                        long generation) {
            known(scope).index.put(bytes, offset, length, digestHigh, digestLow, (int) generation);
        }

        @Override
        public void delete(int scope, byte[] bytes, int offset, int length) {
            known(scope).index.remove(bytes, offset, length);
        }

        @Override
        public void run(int scope, long generation) {
            Scope s = known(scope);
            s.generation = Math.max(s.generation, generation);
        }

        private Scope known(int id) {
            if (id < 0 || id >= byId.size()) {
                throw new SyncLedgerException("the sync ledger's log names undeclared scope " + id);
            }
            return byId.get(id);
        }
    }
}
