package dev.crmconnect.sdk.internal.poller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.crmconnect.sdk.internal.json.Json;
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
import java.util.List;
import java.util.Map;

/**
 * The file store's journal of tenant states, {@code state.jsonl}: what changed since the last
 * snapshot ({@code state.json}), so that a change costs one line and one fsync for however many
 * tenants it touches, rather than a rewrite of every tenant's state. A header line, then one line
 * per changed tenant: the CRC-32C of the JSON (8 hex digits), a space, the JSON
 * {@code {"tenant":..,"state":{..}}} with the tenant's whole new state. Opening replays the lines
 * over the snapshot, later lines winning. The torn-line rule and the refusal of a corrupt line are
 * the decision log's (see {@link DecisionLog}).
 */
final class StateJournal implements AutoCloseable {

    static final String FORMAT = "crmconnect-checkpoint-state-journal";
    static final int VERSION = 1;
    private static final byte[] HEADER =
            ("{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + "}\n").getBytes(StandardCharsets.UTF_8);

    /** One line's content. */
    record Entry(String tenant, TenantState state) {
    }

    private static final ObjectWriter WRITER = Json.mapper().writerFor(Entry.class)
            .without(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectReader READER = Json.mapper().readerFor(Entry.class);

    private final Path file;
    private final FileChannel channel;
    private long end;
    private int lines;

    private StateJournal(Path file, FileChannel channel, long end, int lines) {
        this.file = file;
        this.channel = channel;
        this.end = end;
        this.lines = lines;
    }

    /**
     * Opens the journal, created (durably) when absent, cuts off a torn last line, and replays its
     * lines into {@code tenants}.
     */
    static StateJournal open(Path file, Map<String, TenantState> tenants) {
        FileChannel channel = null;
        try {
            boolean created = !file.toFile().exists();
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            long end = DecisionLog.cutTornLastLine(file, channel);
            if (end == 0) {
                // New, or its header's write was torn: it holds nothing.
                DecisionLog.writeFully(channel, ByteBuffer.wrap(HEADER), 0);
                Fsyncs.force(channel, true);
                end = HEADER.length;
            }
            if (created) {
                FileDurability.syncDirectory(file.getParent());
            }
            int lines = replay(file, channel, tenants);
            return new StateJournal(file, channel, end, lines);
        } catch (IOException e) {
            DecisionLog.close(channel);
            throw new CheckpointStoreException("could not read checkpoint file " + file, e);
        } catch (RuntimeException e) {
            DecisionLog.close(channel);
            throw e;
        }
    }

    /** The lines after the header: how far the journal has grown since its last reset. */
    int lines() {
        return lines;
    }

    /** Appends one line per changed tenant and fsyncs once. */
    void append(Map<String, TenantState> changed) {
        List<byte[]> encoded = new ArrayList<>(changed.size());
        int size = 0;
        for (Map.Entry<String, TenantState> change : changed.entrySet()) {
            byte[] line = line(new Entry(change.getKey(), change.getValue()));
            encoded.add(line);
            size += line.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        encoded.forEach(buffer::put);
        buffer.flip();
        try {
            DecisionLog.writeFully(channel, buffer, end);
            Fsyncs.force(channel, false);
        } catch (IOException e) {
            throw new CheckpointStoreException("could not append to checkpoint file " + file, e);
        }
        end += size;
        lines += changed.size();
    }

    /**
     * Empties the journal once a snapshot holds everything it held. A crash before the truncation
     * is harmless: replaying lines the snapshot already holds gives the snapshot's states.
     */
    void reset() {
        try {
            channel.truncate(HEADER.length);
            Fsyncs.force(channel, true);
        } catch (IOException e) {
            throw new CheckpointStoreException("could not truncate checkpoint file " + file, e);
        }
        end = HEADER.length;
        lines = 0;
    }

    @Override
    public void close() {
        DecisionLog.close(channel);
    }

    private static byte[] line(Entry entry) {
        byte[] json;
        try {
            json = WRITER.writeValueAsBytes(entry);
        } catch (JsonProcessingException e) {
            throw new CheckpointStoreException("could not write checkpoint state as JSON", e);
        }
        byte[] checksum = DecisionLog.checksum(json).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer line = ByteBuffer.allocate(checksum.length + 1 + json.length + 1);
        line.put(checksum).put((byte) ' ').put(json).put((byte) '\n');
        return line.array();
    }

    private static int replay(Path file, FileChannel channel, Map<String, TenantState> tenants) throws IOException {
        channel.position(0);
        // Not closed: closing the reader would close the channel, which the journal keeps for appends.
        BufferedReader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                StandardCharsets.UTF_8.newDecoder()), 1 << 16);
        int lineNumber = 0;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1) {
                    if (!line.equals(new String(HEADER, 0, HEADER.length - 1, StandardCharsets.UTF_8))) {
                        throw DecisionLog.corrupt(file, 1, "is not this store's header (" + FORMAT + " version "
                                + VERSION + " expected; was the file written by a newer SDK?)");
                    }
                    continue;
                }
                Entry entry = parse(file, lineNumber, line);
                tenants.put(entry.tenant(), entry.state());
            }
        } catch (CharacterCodingException e) {
            throw DecisionLog.corrupt(file, lineNumber + 1, "is not UTF-8");
        }
        return Math.max(0, lineNumber - 1);
    }

    private static Entry parse(Path file, int lineNumber, String line) {
        int space = line.indexOf(' ');
        if (space != 8) {
            throw DecisionLog.corrupt(file, lineNumber, "does not start with its checksum");
        }
        String json = line.substring(space + 1);
        if (!line.substring(0, space).equals(DecisionLog.checksum(json.getBytes(StandardCharsets.UTF_8)))) {
            throw DecisionLog.corrupt(file, lineNumber, "does not match its checksum: a byte changed after it was"
                    + " written");
        }
        Entry entry;
        try {
            entry = READER.readValue(json);
        } catch (JsonProcessingException e) {
            // The parser's message may quote the line, which holds personal data; say where only.
            throw DecisionLog.corrupt(file, lineNumber, "is not a valid tenant state (JSON error at column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new CheckpointStoreException("could not read checkpoint file " + file, e);
        }
        if (entry == null || entry.tenant() == null || entry.tenant().isBlank() || entry.state() == null) {
            throw DecisionLog.corrupt(file, lineNumber, "is not a valid tenant state (tenant and state required)");
        }
        return entry;
    }
}
