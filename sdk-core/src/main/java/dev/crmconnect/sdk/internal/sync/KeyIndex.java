package dev.crmconnect.sdk.internal.sync;

import dev.crmconnect.sdk.exception.SyncLedgerException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One scope's entries in memory, without an object per entry: an open-addressing hash table
 * (linear probing, at most three-quarters full) whose slot is three longs, the key's hash and
 * place beside the digest's two halves, so that a lookup reads one cache line of the table; the
 * keys' UTF-8 bytes sit one after another in one array (the arena); the generations in a third
 * array, read only by writes and sweeps. A million short keys take about 75 MB and no
 * {@code String}: the file ledger opens by copying bytes from its log, with nothing for the
 * collector to trace. Not thread-safe: its store locks.
 */
final class KeyIndex {

    private static final int INITIAL_CAPACITY = 8;
    private static final int STRIDE = 3;
    /** The longest key the arena's one-byte or two-byte length prefix holds. */
    private static final int MAX_KEY_BYTES = 0x7fff;

    /**
     * A slot's words: {@code [hash << 32 | arena position + 1, digest high, digest low]}; a
     * first word of 0 is an empty slot.
     */
    private long[] slots = new long[STRIDE * INITIAL_CAPACITY];
    private int[] generations = new int[INITIAL_CAPACITY];
    private byte[] arena = new byte[64];
    private int arenaSize;
    /** Arena bytes of removed keys, reclaimed when they are half of it. */
    private int arenaDead;
    private int size;
    private int maxGeneration;

    /** Visits an entry: its key is {@code length} bytes of {@code bytes} from {@code offset}. */
    @FunctionalInterface
    interface EntryVisitor {
        void visit(byte[] bytes, int offset, int length, long digestHigh, long digestLow, int generation);
    }

    /** A key's UTF-8 bytes, as the index and the log hold them. */
    static byte[] bytesOf(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    int size() {
        return size;
    }

    /** The highest generation ever put; 0 when none was. */
    int maxGeneration() {
        return maxGeneration;
    }

    /** The key's digest, or null. */
    Digest digest(byte[] key) {
        int slot = slotOf(key, 0, key.length, hash(key, 0, key.length));
        long first = slots[STRIDE * slot];
        return first == 0 ? null : new Digest(slots[STRIDE * slot + 1], slots[STRIDE * slot + 2]);
    }

    void put(byte[] key, Digest digest, int generation) {
        put(key, 0, key.length, digest.high(), digest.low(), generation);
    }

    /** Puts the key of {@code length} bytes of {@code bytes} from {@code offset}. */
    void put(byte[] bytes, int offset, int length, long digestHigh, long digestLow, int generation) {
        int hash = hash(bytes, offset, length);
        int slot = slotOf(bytes, offset, length, hash);
        if (slots[STRIDE * slot] == 0) {
            if ((size + 1) * 4L > capacity() * 3L) {
                grow();
                slot = slotOf(bytes, offset, length, hash);
            }
            slots[STRIDE * slot] = ((long) hash << 32) | (store(bytes, offset, length) + 1L);
            size++;
        }
        slots[STRIDE * slot + 1] = digestHigh;
        slots[STRIDE * slot + 2] = digestLow;
        generations[slot] = generation;
        maxGeneration = Math.max(maxGeneration, generation);
    }

    boolean remove(byte[] key) {
        return remove(key, 0, key.length);
    }

    /**
     * Removes the key; true when it was present. Shifts later entries back so that no tombstones
     * pile up.
     */
    boolean remove(byte[] bytes, int offset, int length) {
        int hole = slotOf(bytes, offset, length, hash(bytes, offset, length));
        if (slots[STRIDE * hole] == 0) {
            return false;
        }
        arenaDead += prefixLength(length) + length;
        clear(hole);
        size--;
        int mask = capacity() - 1;
        int next = hole;
        while (true) {
            next = (next + 1) & mask;
            long first = slots[STRIDE * next];
            if (first == 0) {
                break;
            }
            int home = home((int) (first >>> 32), mask);
            boolean staysPut = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!staysPut) {
                System.arraycopy(slots, STRIDE * next, slots, STRIDE * hole, STRIDE);
                generations[hole] = generations[next];
                clear(next);
                hole = next;
            }
        }
        if (arenaDead > 4096 && arenaDead * 2 > arenaSize) {
            compactArena();
        }
        return true;
    }

    /** Visits every entry. */
    void forEach(EntryVisitor visitor) {
        for (int slot = 0; slot < capacity(); slot++) {
            long first = slots[STRIDE * slot];
            if (first != 0) {
                int at = position(first);
                int length = lengthAt(at);
                visitor.visit(arena, at + prefixLength(length), length, slots[STRIDE * slot + 1],
                        slots[STRIDE * slot + 2], generations[slot]);
            }
        }
    }

    /** Up to {@code limit} keys of the entries last seen before {@code generation}. */
    void staleKeys(long generation, int limit, List<String> into) {
        for (int slot = 0; slot < capacity() && into.size() < limit; slot++) {
            long first = slots[STRIDE * slot];
            if (first != 0 && generations[slot] < generation) {
                int at = position(first);
                int length = lengthAt(at);
                into.add(new String(arena, at + prefixLength(length), length, StandardCharsets.UTF_8));
            }
        }
    }

    /** How many entries were last seen before {@code generation}. */
    long countStale(long generation) {
        long count = 0;
        for (int slot = 0; slot < capacity(); slot++) {
            if (slots[STRIDE * slot] != 0 && generations[slot] < generation) {
                count++;
            }
        }
        return count;
    }

    private int capacity() {
        return generations.length;
    }

    private int slotOf(byte[] bytes, int offset, int length, int hash) {
        int mask = capacity() - 1;
        int slot = home(hash, mask);
        long first;
        // The hash beside the slot first: a different key is told apart without reading the arena.
        while ((first = slots[STRIDE * slot]) != 0
                && ((int) (first >>> 32) != hash || !keyEquals(position(first), bytes, offset, length))) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private boolean keyEquals(int at, byte[] bytes, int offset, int length) {
        int stored = lengthAt(at);
        int from = at + prefixLength(stored);
        return stored == length && Arrays.equals(arena, from, from + length, bytes, offset, offset + length);
    }

    private static int hash(byte[] bytes, int offset, int length) {
        int h = 1;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    private static int home(int hash, int mask) {
        int h = hash * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private static int position(long first) {
        return (int) first - 1;
    }

    private void clear(int slot) {
        slots[STRIDE * slot] = 0;
        slots[STRIDE * slot + 1] = 0;
        slots[STRIDE * slot + 2] = 0;
        generations[slot] = 0;
    }

    /** Appends the key to the arena behind its length; its position. */
    private int store(byte[] bytes, int offset, int length) {
        if (length > MAX_KEY_BYTES) {
            throw new SyncLedgerException("a sync ledger key is longer than " + MAX_KEY_BYTES + " bytes");
        }
        int needed = prefixLength(length) + length;
        if (arenaSize + needed > arena.length) {
            long grown = Math.max((long) arena.length * 2, (long) arenaSize + needed);
            if (grown > Integer.MAX_VALUE - 8) {
                throw new SyncLedgerException("a sync ledger scope holds more keys than one process's memory index"
                        + " can; use the JDBC ledger for it");
            }
            arena = Arrays.copyOf(arena, (int) grown);
        }
        int at = arenaSize;
        if (length < 0x80) {
            arena[at] = (byte) length;
        } else {
            arena[at] = (byte) (0x80 | (length >>> 8));
            arena[at + 1] = (byte) length;
        }
        System.arraycopy(bytes, offset, arena, at + prefixLength(length), length);
        arenaSize += needed;
        return at;
    }

    private int lengthAt(int at) {
        return lengthAt(arena, at);
    }

    /** The length of the key stored at {@code at} in {@code bytes}: one byte below 128, else two. */
    private static int lengthAt(byte[] bytes, int at) {
        int b = bytes[at] & 0xff;
        return b < 0x80 ? b : ((b & 0x7f) << 8) | (bytes[at + 1] & 0xff);
    }

    private static int prefixLength(int length) {
        return length < 0x80 ? 1 : 2;
    }

    /** Copies the live keys into a new arena and points their slots at their new places. */
    private void compactArena() {
        byte[] old = arena;
        arena = new byte[Math.max(64, arenaSize - arenaDead)];
        arenaSize = 0;
        arenaDead = 0;
        for (int slot = 0; slot < capacity(); slot++) {
            long first = slots[STRIDE * slot];
            if (first != 0) {
                int at = position(first);
                int length = lengthAt(old, at);
                int moved = store(old, at + prefixLength(length), length);
                slots[STRIDE * slot] = (first & 0xffff_ffff_0000_0000L) | (moved + 1L);
            }
        }
    }

    private void grow() {
        long[] oldSlots = slots;
        int[] oldGenerations = generations;
        int capacity = oldGenerations.length * 2;
        slots = new long[STRIDE * capacity];
        generations = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldGenerations.length; i++) {
            long first = oldSlots[STRIDE * i];
            if (first != 0) {
                // Keys are distinct: the first empty slot from home is the place, without reading the arena.
                int slot = home((int) (first >>> 32), mask);
                while (slots[STRIDE * slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                System.arraycopy(oldSlots, STRIDE * i, slots, STRIDE * slot, STRIDE);
                generations[slot] = oldGenerations[i];
            }
        }
    }
}
