package dev.crmconnect.sdk.internal.poller;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.crmconnect.sdk.internal.json.Json;
import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.exception.CheckpointStoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file store's append-only log of decisions: a JSON header line, then one line per audit
 * record: the CRC-32C of the record's JSON (8 lower-case hex digits), a space, the JSON (the audit
 * export's format). The checksum catches a changed byte that would still parse. A decision is
 * acknowledged only once its whole line, newline included, is written and fsync'd; writers that
 * wait at the same time share one fsync.
 *
 * <p>The torn-line rule: lines are appended in order by one process, each in full before the
 * next, and acknowledged only after the fsync that follows their newline. Bytes after the last
 * newline therefore belong to a line whose write never finished, which was never acknowledged;
 * opening the log cuts them off. Every line that ends with a newline must parse, or opening fails
 * naming the file and the line.
 */
final class DecisionLog implements AutoCloseable {

    static final String FORMAT = "crmconnect-checkpoint-decisions";
    static final int VERSION = 1;
    private static final int CHECKSUM_LENGTH = 8;
    private static final byte[] HEADER =
            ("{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + "}\n").getBytes(StandardCharsets.UTF_8);
    private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);

    /** Header of the log, to recognise the file and its version. */
    record Header(String format, Integer version) {
    }

    private final Path file;
    private final FileChannel channel;
    private final List<AuditRecord> records;
    private final Object syncLock = new Object();
    /** Where the next line goes; advanced under the store's lock. */
    private volatile long end;
    /** Everything before this is on disk; guarded by {@link #syncLock}. */
    private long durableEnd;

    private DecisionLog(Path file, FileChannel channel, List<AuditRecord> records, long end) {
        this.file = file;
        this.channel = channel;
        this.records = records;
        this.end = end;
        this.durableEnd = end;
    }

    /** Creates an empty log holding only its header, durably. */
    static void create(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeFully(channel, ByteBuffer.wrap(HEADER), 0);
            Fsyncs.force(channel, true);
        } catch (IOException e) {
            throw new CheckpointStoreException("could not create checkpoint file " + file, e);
        }
        FileDurability.syncDirectory(file.getParent());
    }

    /** Opens the log, cutting off a torn last line and reading every record. */
    static DecisionLog open(Path file) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long end = cutTornLastLine(file, channel);
            if (end == 0) {
                // The header's own write was torn: the log was being created and holds nothing.
                writeFully(channel, ByteBuffer.wrap(HEADER), 0);
                Fsyncs.force(channel, true);
                end = HEADER.length;
            }
            List<AuditRecord> records = read(file, channel);
            return new DecisionLog(file, channel, records, end);
        } catch (IOException e) {
            close(channel);
            throw new CheckpointStoreException("could not read checkpoint file " + file, e);
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    /** The records read when the log was opened, in the order they were written. */
    List<AuditRecord> records() {
        return records;
    }

    /** Writes the records' lines after the last one; called under the store's lock. Returns the ticket. */
    long append(List<AuditRecord> batch) {
        int size = 0;
        List<byte[]> lines = new ArrayList<>(batch.size());
        for (AuditRecord record : batch) {
            byte[] line = line(record);
            lines.add(line);
            size += line.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        lines.forEach(buffer::put);
        buffer.flip();
        try {
            writeFully(channel, buffer, end);
        } catch (IOException e) {
            throw new CheckpointStoreException("could not append to checkpoint file " + file, e);
        }
        end += size;
        return end;
    }

    /** The record's line: checksum, space, JSON, newline. */
    static byte[] line(AuditRecord record) {
        byte[] json = AuditJsonLines.toJson(record);
        byte[] checksum = checksum(json).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer line = ByteBuffer.allocate(checksum.length + 1 + json.length + 1);
        line.put(checksum).put((byte) ' ').put(json).put((byte) '\n');
        return line.array();
    }

    static String checksum(byte[] json) {
        CRC32C crc = new CRC32C();
        crc.update(json);
        return String.format("%08x", crc.getValue());
    }

    /** Returns once everything up to {@code ticket} is on disk. */
    void awaitDurable(long ticket) {
        synchronized (syncLock) {
            if (durableEnd >= ticket) {
                return; // another writer's fsync covered this one
            }
            long target = end;
            try {
                Fsyncs.force(channel, false);
            } catch (IOException e) {
                throw new CheckpointStoreException("could not fsync checkpoint file " + file, e);
            }
            durableEnd = target;
        }
    }

    /** Returns once everything appended so far is on disk. */
    void sync() {
        awaitDurable(end);
    }

    @Override
    public void close() {
        close(channel);
    }

    static long cutTornLastLine(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        long keep = afterLastNewline(channel, size);
        if (keep < size) {
            LOG.warn("Checkpoint file {}: cut off a torn last line of {} bytes; it was never acknowledged",
                    file, size - keep);
            channel.truncate(keep);
            Fsyncs.force(channel, true);
        }
        return keep;
    }

    /** The position just after the file's last newline; 0 if it has none. */
    private static long afterLastNewline(FileChannel channel, long size) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(8192);
        long blockEnd = size;
        while (blockEnd > 0) {
            long blockStart = Math.max(0, blockEnd - block.capacity());
            block.clear().limit((int) (blockEnd - blockStart));
            while (block.hasRemaining()) {
                if (channel.read(block, blockStart + block.position()) < 0) {
                    throw new IOException("the file shrank while being read");
                }
            }
            for (int i = block.limit() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return blockStart + i + 1;
                }
            }
            blockEnd = blockStart;
        }
        return 0;
    }

    private static List<AuditRecord> read(Path file, FileChannel channel) throws IOException {
        channel.position(0);
        // Not closed: closing the reader would close the channel, which the log keeps for appends.
        BufferedReader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                StandardCharsets.UTF_8.newDecoder()), 1 << 16);
        List<AuditRecord> records = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int lineNumber = 0;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1) {
                    checkHeader(file, line);
                    continue;
                }
                AuditRecord record = parse(file, lineNumber, line);
                Integer earlier = seen.putIfAbsent(record.tenant() + '\n' + record.noticeId(), lineNumber);
                if (earlier != null) {
                    throw corrupt(file, lineNumber, "repeats the decision on line " + earlier
                            + " for the same tenant and notice");
                }
                records.add(record);
            }
        } catch (CharacterCodingException e) {
            throw corrupt(file, lineNumber + 1, "is not UTF-8");
        }
        if (lineNumber == 0) {
            throw corrupt(file, 1, "is missing: the file has no header");
        }
        return records;
    }

    private static void checkHeader(Path file, String line) {
        Header header;
        try {
            header = Json.mapper().readValue(line, Header.class);
        } catch (JsonProcessingException e) {
            throw corrupt(file, 1, "is not this store's header");
        }
        if (!FORMAT.equals(header.format()) || header.version() == null) {
            throw corrupt(file, 1, "is not this store's header");
        }
        if (header.version() != VERSION) {
            throw corrupt(file, 1, "declares version " + header.version() + "; this SDK reads version " + VERSION
                    + " (was the file written by a newer SDK?)");
        }
    }

    private static AuditRecord parse(Path file, int lineNumber, String line) {
        if (line.isBlank()) {
            throw corrupt(file, lineNumber, "is empty");
        }
        int space = line.indexOf(' ');
        if (space != CHECKSUM_LENGTH) {
            throw corrupt(file, lineNumber, "does not start with its checksum");
        }
        String json = line.substring(space + 1);
        if (!line.substring(0, space).equals(checksum(json.getBytes(StandardCharsets.UTF_8)))) {
            throw corrupt(file, lineNumber, "does not match its checksum: a byte changed after it was written");
        }
        try {
            return AuditJsonLines.parse(json);
        } catch (JsonProcessingException e) {
            // The parser's message may quote the line, which holds personal data; say where only.
            throw corrupt(file, lineNumber, "is not a valid decision record (JSON error at column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IllegalArgumentException e) {
            throw corrupt(file, lineNumber, "is not a valid decision record: " + e.getMessage());
        }
    }

    static CheckpointStoreException corrupt(Path file, int lineNumber, String problem) {
        return new CheckpointStoreException("corrupt checkpoint file " + file + ": line " + lineNumber + " "
                + problem + ". The store refuses to open rather than forget decisions; restore the file from a"
                + " backup or repair that line");
    }

    static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing after a failure or at the end: nothing left to save.
            }
        }
    }
}
