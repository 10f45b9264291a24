package dev.crmconnect.samples;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * How far a contact sync got, kept in a small properties file replaced atomically after each
 * chunk: a sync that is interrupted (Ctrl-C, a crash, a server that stays down) resumes after the
 * last chunk it finished. Re-sending a chunk is harmless: an upsert is a full replace.
 *
 * @param csv            the CSV's fingerprint: its path, size and modification time
 * @param rowsDone       data rows handled so far, from the top of the file
 * @param stored         contacts stored
 * @param skippedPrivate private contacts, never sent
 * @param failed         rows that failed (listed in the failures file)
 * @param lastCrmId      the crmId of the last row handled, to see where the sync stands
 */
record SyncProgress(String csv, int rowsDone, int stored, int skippedPrivate, int failed, String lastCrmId) {

    /** No row handled yet of the CSV {@code csv}. */
    static SyncProgress start(String csv) {
        return new SyncProgress(csv, 0, 0, 0, 0, null);
    }

    /** The fingerprint of {@code file}: a different or changed file does not resume another's progress. */
    static String fingerprint(Path file) throws IOException {
        return file.toAbsolutePath().normalize() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
    }

    /** The progress kept in {@code file}; null when there is none. */
    static SyncProgress read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return new SyncProgress(p.getProperty("csv"), Integer.parseInt(p.getProperty("rowsDone")),
                    Integer.parseInt(p.getProperty("stored")), Integer.parseInt(p.getProperty("skippedPrivate")),
                    Integer.parseInt(p.getProperty("failed")), p.getProperty("lastCrmId"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + ": not a progress file of this sample; delete it to start over");
        }
    }

    /** Writes this progress to {@code file}, replacing it atomically. */
    void write(Path file) {
        Properties p = new Properties();
        p.setProperty("csv", csv);
        p.setProperty("rowsDone", Integer.toString(rowsDone));
        p.setProperty("stored", Integer.toString(stored));
        p.setProperty("skippedPrivate", Integer.toString(skippedPrivate));
        p.setProperty("failed", Integer.toString(failed));
        if (lastCrmId != null) {
            p.setProperty("lastCrmId", lastCrmId);
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                p.store(out, "Contact sync progress: rows of the CSV handled so far");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** This progress after a chunk of {@code rows} rows. */
    SyncProgress plus(int rows, int storedNow, int skippedNow, int failedNow, String lastCrmIdNow) {
        return new SyncProgress(csv, rowsDone + rows, stored + storedNow, skippedPrivate + skippedNow,
                failed + failedNow, lastCrmIdNow == null ? lastCrmId : lastCrmIdNow);
    }
}
