package dev.crmconnect.sdk.internal.sync;

import java.util.function.Consumer;

/**
 * One scope's entries in memory: an open-addressing hash table (linear probing) of keys, digests
 * and generations in parallel arrays: 24 bytes a slot, at most three-quarters full, so about 50
 * bytes per entry, plus the key's String (about 48 bytes for a short crmId); no entry objects, so
 * a million entries fit a small heap. Not thread-safe: its store locks.
 */
final class KeyIndex {

    private static final int INITIAL_CAPACITY = 8;

    private String[] keys = new String[INITIAL_CAPACITY];
    /** A slot's digest at {@code 2 * slot} and {@code 2 * slot + 1}: one cache line for both halves. */
    private long[] digests = new long[2 * INITIAL_CAPACITY];
    private int[] generations = new int[INITIAL_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    /** The key's digest, or null. */
    Digest digest(String key) {
        int slot = slotOf(key);
        return keys[slot] == null ? null : new Digest(digests[2 * slot], digests[2 * slot + 1]);
    }

    void put(String key, Digest digest, long generation) {
        int slot = slotOf(key);
        if (keys[slot] == null) {
            if ((size + 1) * 4L > keys.length * 3L) {
                grow();
                slot = slotOf(key);
            }
            keys[slot] = key;
            size++;
        }
        digests[2 * slot] = digest.high();
        digests[2 * slot + 1] = digest.low();
        generations[slot] = (int) generation;
    }

    /** Removes the key; true when it was present. Shifts later entries back so no tombstones pile up. */
    boolean remove(String key) {
        int mask = keys.length - 1;
        int hole = slotOf(key);
        if (keys[hole] == null) {
            return false;
        }
        keys[hole] = null;
        size--;
        int next = hole;
        while (true) {
            next = (next + 1) & mask;
            if (keys[next] == null) {
                return true;
            }
            int home = home(keys[next].hashCode(), mask);
            boolean staysPut = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!staysPut) {
                keys[hole] = keys[next];
                digests[2 * hole] = digests[2 * next];
                digests[2 * hole + 1] = digests[2 * next + 1];
                generations[hole] = generations[next];
                keys[next] = null;
                hole = next;
            }
        }
    }

    /** Visits every entry. */
    void forEach(EntryVisitor visitor) {
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != null) {
                visitor.visit(keys[slot], new Digest(digests[2 * slot], digests[2 * slot + 1]), generations[slot]);
            }
        }
    }

    /** Visits the keys of entries last seen before {@code generation}. */
    void forEachStale(long generation, Consumer<String> visitor) {
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != null && generations[slot] < generation) {
                visitor.accept(keys[slot]);
            }
        }
    }

    /** The highest generation of any entry; 0 when empty. */
    long maxGeneration() {
        long max = 0;
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != null) {
                max = Math.max(max, generations[slot]);
            }
        }
        return max;
    }

    @FunctionalInterface
    interface EntryVisitor {
        void visit(String key, Digest digest, long generation);
    }

    private int slotOf(String key) {
        int mask = keys.length - 1;
        int hash = key.hashCode();
        int slot = home(hash, mask);
        String other;
        // The cached hashes first: a different key is told apart without reading its characters.
        while ((other = keys[slot]) != null && (other.hashCode() != hash || !other.equals(key))) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int home(int hash, int mask) {
        int h = hash * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private void grow() {
        String[] oldKeys = keys;
        long[] oldDigests = digests;
        int[] oldGenerations = generations;
        int capacity = oldKeys.length * 2;
        keys = new String[capacity];
        digests = new long[2 * capacity];
        generations = new int[capacity];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                digests[2 * slot] = oldDigests[2 * i];
                digests[2 * slot + 1] = oldDigests[2 * i + 1];
                generations[slot] = oldGenerations[i];
            }
        }
    }
}
