package dev.crmconnect.sdk.internal.sync;

import dev.crmconnect.sdk.exception.SyncLedgerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * The file ledger's disk: {@code ledger.log}, a binary append-only log of entry changes, and
 * {@code ledger.lock}, locked while a process has the ledger open.
 *
 * <p>The log starts with a magic and the ledger's 32-byte salt, then holds records
 * {@code type, payload length (varint), payload, CRC-32C}: a scope's declaration (its number, the
 * tenant and the scope's name, once), an entry put (scope number, key, 16-byte digest,
 * generation), an entry removal, and a run start. An entry put with a short crmId takes about 34
 * bytes. Appends are written and fsync'd once per batch ({@link #sync}). A process killed during
 * an append leaves a torn last record: opening drops it, since its batch was never reported. Once
 * the log holds well more records than live entries, {@link #compact} rewrites it from memory to a
 * temporary file, fsyncs it and moves it over the log atomically, so the log stays under twice the
 * live entries' size.
 */
final class LedgerLog {

    static final String LOG_FILE = "ledger.log";
    static final String LOCK_FILE = "ledger.lock";
    private static final byte[] MAGIC = "CCLEDG01".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT_BYTES = 32;
    private static final int HEADER_BYTES = MAGIC.length + SALT_BYTES;
    /** No record is longer: two keys of 64 characters of up to 4 UTF-8 bytes each and change. */
    private static final int MAX_PAYLOAD = 4_096;
    /** A record's most bytes: type, length, payload and CRC. */
    private static final int MAX_RECORD = MAX_PAYLOAD + 16;
    private static final int REPLAY_BUFFER = 1 << 20;
    private static final int COMPACT_MIN_RECORDS = 10_000;

    private static final byte SCOPE = 1;
    private static final byte PUT = 2;
    private static final byte DELETE = 3;
    private static final byte RUN = 4;

    /** What the log's records say, in order. */
    interface Visitor {
        void scope(int id, String tenant, String name);

        /** An entry put: its key is {@code length} bytes of {@code bytes} from {@code offset}, valid during the call. */
        void put(int scope, byte[] bytes, int offset, int length, long digestHigh, long digestLow, long generation);

        /** An entry removed: its key as in {@link #put}. */
        void delete(int scope, byte[] bytes, int offset, int length);

        void run(int scope, long generation);
    }

    record Opened(LedgerLog log, byte[] salt) {
    }

    private final Path file;
    private final FileChannel lockChannel;
    private FileChannel channel;
    private final Growing pending = new Growing();
    private final Growing payload = new Growing();
    private final CRC32C crc = new CRC32C();
    private long records;

    private LedgerLog(Path file, FileChannel lockChannel, FileChannel channel) {
        this.file = file;
        this.lockChannel = lockChannel;
        this.channel = channel;
    }

    /** Opens the log in {@code directory}, creating it (with a salt from {@code newSalt}) when absent. */
    static Opened open(Path directory, Supplier<byte[]> newSalt) {
        if (directory == null) {
            throw new NullPointerException("directory must not be null");
        }
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(directory);
            lockChannel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new SyncLedgerException("the sync ledger in " + directory + " is open in another process"
                        + " or ledger");
            }
            Path file = directory.resolve(LOG_FILE);
            Files.deleteIfExists(temporaryOf(file)); // a compaction that never finished
            byte[] salt;
            if (!Files.exists(file) || Files.size(file) < HEADER_BYTES) {
                // Absent, or created by a process killed before its header was durable: nothing was recorded.
                salt = newSalt.get();
                writeNew(file, header(salt));
                syncDirectory(directory);
            } else {
                salt = readSalt(file);
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
            channel.position(channel.size());
            return new Opened(new LedgerLog(file, lockChannel, channel), salt);
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new SyncLedgerException("could not open the sync ledger in " + directory, e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    /**
     * Reads every record into {@code visitor}; drops a torn last record. Reads the log a megabyte at
     * a time and parses records in place: a million entries open in well under a second.
     */
    void replay(Visitor visitor) {
        long offset = HEADER_BYTES;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            in.position(HEADER_BYTES);
            byte[] buffer = new byte[REPLAY_BUFFER];
            Reader reader = new Reader(buffer);
            int at = 0;
            int end = 0;
            boolean eof = false;
            while (true) {
                if (end - at < MAX_RECORD && !eof) {
                    // Keep the unread part and fill the rest: a whole record is then in the buffer.
                    System.arraycopy(buffer, at, buffer, 0, end - at);
                    end -= at;
                    at = 0;
                    ByteBuffer into = ByteBuffer.wrap(buffer, end, buffer.length - end);
                    while (into.hasRemaining() && !eof) {
                        eof = in.read(into) < 0;
                    }
                    end = into.position();
                }
                if (at == end) {
                    return;
                }
                int length = 0;
                int read = 1;
                boolean whole = false;
                for (int shift = 0; shift < 32 && at + read < end; shift += 7) {
                    int b = buffer[at + read++];
                    length |= (b & 0x7f) << shift;
                    if ((b & 0x80) == 0) {
                        whole = true;
                        break;
                    }
                }
                // A length cut short, unreadable or too long, or a record past the end: torn.
                if (!whole || length < 0 || length > MAX_PAYLOAD || at + read + length + 4 > end) {
                    truncate(offset, size);
                    return;
                }
                int payloadEnd = at + read + length;
                crc.reset();
                crc.update(buffer, at, read + length);
                int stored = ((buffer[payloadEnd] & 0xff) << 24) | ((buffer[payloadEnd + 1] & 0xff) << 16)
                        | ((buffer[payloadEnd + 2] & 0xff) << 8) | (buffer[payloadEnd + 3] & 0xff);
                if ((int) crc.getValue() != stored) {
                    if (size - offset <= MAX_RECORD) {
                        truncate(offset, size); // the torn tail of an append
                        return;
                    }
                    throw new SyncLedgerException("the sync ledger " + file + " is corrupt at byte " + offset);
                }
                reader.reset(at + read, payloadEnd);
                apply(buffer[at], reader, visitor, offset);
                records++;
                at = payloadEnd + 4;
                offset += read + length + 4;
            }
        } catch (IOException e) {
            throw new SyncLedgerException("could not read the sync ledger " + file, e);
        }
    }

    private void apply(byte type, Reader r, Visitor visitor, long offset) {
        try {
            switch (type) {
                case SCOPE -> visitor.scope(r.varintInt(), r.text(), r.text());
                case PUT -> {
                    int scope = r.varintInt();
                    int length = r.varintInt();
                    int key = r.skip(length);
                    long high = r.longValue();
                    long low = r.longValue();
                    visitor.put(scope, r.bytes, key, length, high, low, r.varint());
                }
                case DELETE -> {
                    int scope = r.varintInt();
                    int length = r.varintInt();
                    visitor.delete(scope, r.bytes, r.skip(length), length);
                }
                case RUN -> visitor.run(r.varintInt(), r.varint());
                default -> throw new SyncLedgerException("the sync ledger " + file + " has an unknown record at byte "
                        + offset);
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new SyncLedgerException("the sync ledger " + file + " has a malformed record at byte " + offset);
        }
    }

    private void truncate(long offset, long size) throws IOException {
        if (offset < size) {
            channel.truncate(offset);
            channel.force(true);
            channel.position(offset);
        }
    }

    void appendScope(int id, String tenant, String name) {
        payload.reset();
        payload.varint(id);
        payload.text(tenant);
        payload.text(name);
        append(SCOPE);
    }

    void appendPut(int scope, byte[] key, Digest digest, long generation) {
        payload.reset();
        payload.varint(scope);
        payload.text(key, 0, key.length);
        payload.longBytes(digest.high());
        payload.longBytes(digest.low());
        payload.varint(generation);
        append(PUT);
    }

    void appendDelete(int scope, byte[] key) {
        payload.reset();
        payload.varint(scope);
        payload.text(key, 0, key.length);
        append(DELETE);
    }

    void appendRun(int scope, long generation) {
        payload.reset();
        payload.varint(scope);
        payload.varint(generation);
        append(RUN);
    }

    private void append(byte type) {
        appendTo(pending, type, payload, crc);
        records++;
    }

    private static void appendTo(Growing out, byte type, Growing payload, CRC32C crc) {
        int start = out.size;
        out.put(type);
        out.varint(payload.size);
        out.put(payload.bytes, 0, payload.size);
        crc.reset();
        crc.update(out.bytes, start, out.size - start);
        out.intBytes((int) crc.getValue());
    }

    /** Writes what was appended and fsyncs it: the batch is durable when this returns. */
    void sync() {
        if (pending.size == 0) {
            return;
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(pending.bytes, 0, pending.size);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new SyncLedgerException("could not write the sync ledger " + file, e);
        } finally {
            pending.reset();
            pending.shrink();
        }
    }

    /** Whether the log holds enough dead records to be worth rewriting. */
    boolean shouldCompact(long liveEntries) {
        return records > COMPACT_MIN_RECORDS && records > liveEntries + liveEntries * 3 / 4;
    }

    /** Rewrites the log with only the live entries of {@code scopes}. */
    void compact(List<IndexedLedgerStore.Scope> scopes) {
        Path temporary = temporaryOf(file);
        long written = 0;
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            byte[] salt = readSalt(file);
            writeAll(out, ByteBuffer.wrap(header(salt)));
            Growing buffer = new Growing();
            Growing body = new Growing();
            CRC32C checksum = new CRC32C();
            for (IndexedLedgerStore.Scope s : scopes) {
                body.reset();
                body.varint(s.id);
                body.text(s.tenant);
                body.text(s.name);
                appendTo(buffer, SCOPE, body, checksum);
                body.reset();
                body.varint(s.id);
                body.varint(s.generation);
                appendTo(buffer, RUN, body, checksum);
                written += 2;
                long[] count = {0};
                s.index.forEach((key, offset, length, high, low, generation) -> {
                    body.reset();
                    body.varint(s.id);
                    body.text(key, offset, length);
                    body.longBytes(high);
                    body.longBytes(low);
                    body.varint(generation);
                    appendTo(buffer, PUT, body, checksum);
                    count[0]++;
                    if (buffer.size > 1 << 16) {
                        flush(out, buffer);
                    }
                });
                written += count[0];
            }
            flush(out, buffer);
            out.force(true);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new SyncLedgerException("could not compact the sync ledger " + file, e);
        }
        try {
            channel.close();
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
            channel.position(channel.size());
        } catch (AtomicMoveNotSupportedException e) {
            throw new SyncLedgerException("the file system of " + file + " cannot replace files atomically", e);
        } catch (IOException e) {
            throw new SyncLedgerException("could not replace the sync ledger " + file, e);
        }
        records = written;
    }

    private static void flush(FileChannel out, Growing buffer) {
        try {
            writeAll(out, ByteBuffer.wrap(buffer.bytes, 0, buffer.size));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        buffer.reset();
    }

    /** The log's size on disk in bytes; for tests and the benchmark. */
    long bytesOnDisk() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new SyncLedgerException("could not read the size of the sync ledger " + file, e);
        }
    }

    void close() {
        try {
            sync();
        } finally {
            closeQuietly(channel);
            closeQuietly(lockChannel);
        }
    }

    static Path temporaryOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    private static byte[] header(byte[] salt) {
        byte[] header = Arrays.copyOf(MAGIC, HEADER_BYTES);
        System.arraycopy(salt, 0, header, MAGIC.length, SALT_BYTES);
        return header;
    }

    private static byte[] readSalt(Path file) throws IOException {
        byte[] header = new byte[HEADER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, HEADER_BYTES) != HEADER_BYTES
                    || !Arrays.equals(MAGIC, Arrays.copyOf(header, MAGIC.length))) {
                throw new SyncLedgerException("the file " + file + " is not a sync ledger");
            }
        }
        return Arrays.copyOfRange(header, MAGIC.length, HEADER_BYTES);
    }

    private static void writeNew(Path file, byte[] content) throws IOException {
        Path temporary = temporaryOf(file);
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            writeAll(out, ByteBuffer.wrap(content));
            out.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeAll(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                throw new SyncLedgerException("could not fsync the sync ledger's directory " + directory, e);
            }
            // Windows cannot open a directory as a file; NTFS journals renames itself.
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing after a failure or at close: nothing more to save
            }
        }
    }

    /** Reads a record's payload. */
    private static final class Reader {
        final byte[] bytes;
        private int at;
        private int end;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        void reset(int from, int to) {
            at = from;
            end = to;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = next();
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new ArrayIndexOutOfBoundsException();
        }

        int varintInt() {
            long value = varint();
            if (value > Integer.MAX_VALUE) {
                throw new ArrayIndexOutOfBoundsException();
            }
            return (int) value;
        }

        String text() {
            int length = varintInt();
            if (at + length > end) {
                throw new ArrayIndexOutOfBoundsException();
            }
            String text = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }

        /** Passes over {@code length} bytes; where they start. */
        int skip(int length) {
            if (at + length > end) {
                throw new ArrayIndexOutOfBoundsException();
            }
            int from = at;
            at += length;
            return from;
        }

        long longValue() {
            int from = skip(8);
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (bytes[from + i] & 0xff);
            }
            return value;
        }

        private int next() {
            if (at >= end) {
                throw new ArrayIndexOutOfBoundsException();
            }
            return bytes[at++] & 0xff;
        }
    }

    /** A growing byte buffer. */
    private static final class Growing {
        byte[] bytes = new byte[256];
        int size;

        void reset() {
            size = 0;
        }

        void shrink() {
            if (bytes.length > 1 << 20) {
                bytes = new byte[256];
            }
        }

        void put(byte b) {
            ensure(1);
            bytes[size++] = b;
        }

        void put(byte[] from, int offset, int length) {
            ensure(length);
            System.arraycopy(from, offset, bytes, size, length);
            size += length;
        }

        void varint(long value) {
            ensure(10);
            long v = value;
            while ((v & ~0x7fL) != 0) {
                bytes[size++] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        void text(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            text(utf8, 0, utf8.length);
        }

        /** UTF-8 text already encoded: {@code length} bytes of {@code utf8} from {@code offset}. */
        void text(byte[] utf8, int offset, int length) {
            varint(length);
            put(utf8, offset, length);
        }

        void longBytes(long value) {
            ensure(8);
            for (int i = 0; i < 8; i++) {
                bytes[size++] = (byte) (value >>> (56 - 8 * i));
            }
        }

        void intBytes(int value) {
            ensure(4);
            for (int i = 0; i < 4; i++) {
                bytes[size++] = (byte) (value >>> (24 - 8 * i));
            }
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
