package dev.crmconnect.sdk.internal.sync;

import java.util.Collection;
import java.util.List;

/**
 * Where a sync ledger keeps its entries: for each (tenant, scope, record key) the digest of the
 * body LinkedIn last acknowledged and the generation (run) that last saw the record. A scope is a
 * resource, or one pool's members. Every write is durable when it returns. Thread-safe.
 */
public interface LedgerStore extends AutoCloseable {

    /** The ledger's random salt, created with the ledger. */
    byte[] salt();

    /** Starts a run over one scope: a generation higher than any entry of the scope holds. */
    long startRun(String tenant, String scope);

    /** The stored digest of each key, null where there is none; in the order of {@code keys}. */
    Digest[] lookup(String tenant, String scope, List<String> keys);

    /** Records {@code digests[i]} for {@code keys[i]}, seen in run {@code generation}. */
    void record(String tenant, String scope, List<String> keys, List<Digest> digests, long generation);

    /** Removes the entries of {@code keys}; absent ones are ignored. */
    void forget(String tenant, String scope, Collection<String> keys);

    /** Up to {@code limit} keys of the scope whose entries were last seen before run {@code generation}. */
    List<String> staleKeys(String tenant, String scope, long generation, int limit);

    /** How many entries of the scope were last seen before run {@code generation}. */
    long countStale(String tenant, String scope, long generation);

    /** How many entries the scope holds. */
    long count(String tenant, String scope);

    @Override
    void close();
}
