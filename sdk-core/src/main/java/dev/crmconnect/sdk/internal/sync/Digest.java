package dev.crmconnect.sdk.internal.sync;

/** A ledger digest: the first 16 bytes of an HMAC-SHA-256, as two longs (big-endian). */
public record Digest(long high, long low) {

    /**
     * Written out rather than the record's generated one: compared once per record of every
     * reconcile, and two long comparisons need no method-handle dispatch.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Digest d && d.high == high && d.low == low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high * 31 + low);
    }

    /** The digest's 16 bytes. */
    byte[] toBytes() {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return bytes;
    }

    /** The digest of 16 bytes from {@code offset}. */
    static Digest of(byte[] bytes, int offset) {
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[offset + i] & 0xff);
            low = (low << 8) | (bytes[offset + 8 + i] & 0xff);
        }
        return new Digest(high, low);
    }
}
