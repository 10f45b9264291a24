package dev.crmconnect.sdk.internal.poller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.crmconnect.sdk.internal.json.Json;
import dev.crmconnect.sdk.exception.CheckpointStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file store's state apart from decisions (watermarks, compliance clocks and gaps, parked
 * notices), one small JSON document replaced atomically on every change.
 */
final class StateFile {

    static final String FORMAT = "crmconnect-checkpoint-state";
    static final int VERSION = 1;

    /** The document; times are ISO-8601 so that operators can read the file. */
    record Document(String format, Integer version, Map<String, TenantState> tenants) {
    }

    private static final ObjectWriter WRITER = Json.mapper().writerFor(Document.class)
            .without(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .withDefaultPrettyPrinter();
    private static final ObjectReader READER = Json.mapper().readerFor(Document.class);

    private final Path file;

    StateFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** Removes the temporary file of a replacement that a crash interrupted before its move. */
    void discardInterruptedWrite() {
        try {
            Files.deleteIfExists(FileDurability.temporaryOf(file));
        } catch (IOException e) {
            throw new CheckpointStoreException("could not remove " + FileDurability.temporaryOf(file), e);
        }
    }

    Map<String, TenantState> read() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CheckpointStoreException("could not read checkpoint file " + file, e);
        }
        if (content.length == 0) {
            throw corrupt("is empty");
        }
        Document document;
        try {
            document = READER.readValue(content);
        } catch (JsonProcessingException e) {
            // The parser's message may quote the file, which holds personal data; say where only.
            String reason = rootCause(e) instanceof IllegalArgumentException iae ? ": " + iae.getMessage() : "";
            throw corrupt("is not valid at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + reason);
        } catch (IOException e) {
            throw new CheckpointStoreException("could not read checkpoint file " + file, e);
        }
        if (document == null || !FORMAT.equals(document.format()) || document.version() == null) {
            throw corrupt("is not this store's state file (format " + FORMAT + " expected at line 1)");
        }
        if (document.version() != VERSION) {
            throw corrupt("declares version " + document.version() + "; this SDK reads version " + VERSION
                    + " (was it written by a newer SDK?)");
        }
        Map<String, TenantState> tenants = new TreeMap<>();
        if (document.tenants() != null) {
            document.tenants().forEach((tenant, state) -> {
                if (state == null) {
                    throw corrupt("holds no state for tenant " + tenant);
                }
                tenants.put(tenant, state);
            });
        }
        return tenants;
    }

    void write(Map<String, TenantState> tenants) {
        byte[] content;
        try {
            content = WRITER.writeValueAsBytes(new Document(FORMAT, VERSION, new TreeMap<>(tenants)));
        } catch (JsonProcessingException e) {
            throw new CheckpointStoreException("could not write checkpoint state as JSON", e);
        }
        FileDurability.replace(file, content);
    }

    private CheckpointStoreException corrupt(String problem) {
        return new CheckpointStoreException("corrupt checkpoint file " + file + ": it " + problem
                + ". The store refuses to open rather than restart from the beginning; restore the file"
                + " from a backup or repair it");
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
