package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.model.internal.Check;
import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.exception.CheckpointStoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * The file store's disk: a directory holding {@code decisions.jsonl} (the append-only decision log, see
 * {@link DecisionLog}), {@code state.json} (a snapshot of everything else, replaced atomically),
 * {@code state.jsonl} (the tenant states changed since the snapshot, see {@link StateJournal}) and
 * {@code lock} (held while a process has the store open).
 *
 * <p>A state change appends one line per changed tenant to the journal and fsyncs it once, so a
 * round's compliance clocks cost one fsync however many tenants it polled. Once the journal holds
 * more lines than {@link #COMPACT_FACTOR} times the tenants (and at least {@link #COMPACT_MIN}),
 * the snapshot is rewritten and the journal emptied: a write per tenant stays constant on average.
 *
 * <p>Order of writes: a decision is durable in the log before its caller may advance the
 * watermark, and the log is synced before every state write, so the state never points past
 * a decision the log lacks. A crash between a decision and the state write that drops its parked
 * notice leaves the notice in {@code state.json}; opening drops parked notices that have a
 * decision.
 */
final class FilePersistence implements LocalCheckpointStore.Persistence {

    static final String LOG_FILE = "decisions.jsonl";
    static final String STATE_FILE = "state.json";
    static final String JOURNAL_FILE = "state.jsonl";
    static final String LOCK_FILE = "lock";
    static final int COMPACT_FACTOR = 4;
    static final int COMPACT_MIN = 1_000;

    private final FileChannel lockChannel;
    private final DecisionLog log;
    private final StateFile state;
    private final StateJournal journal;

    private FilePersistence(FileChannel lockChannel, DecisionLog log, StateFile state, StateJournal journal) {
        this.lockChannel = lockChannel;
        this.log = log;
        this.state = state;
        this.journal = journal;
    }

    /** Opens, or creates, the store in {@code directory}. */
    static CheckpointStore open(Path directory) {
        Check.required("directory", directory);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CheckpointStoreException("could not create checkpoint directory " + directory, e);
        }
        FileChannel lockChannel = lock(directory);
        DecisionLog log = null;
        StateJournal journal = null;
        try {
            Path logFile = directory.resolve(LOG_FILE);
            StateFile state = new StateFile(directory.resolve(STATE_FILE));
            boolean fresh = !Files.exists(logFile);
            if (fresh && state.exists()) {
                throw new CheckpointStoreException("checkpoint directory " + directory + " holds " + STATE_FILE
                        + " but not " + LOG_FILE + ": the decision log is missing. The store refuses to start"
                        + " a new one, which would forget every decision; restore the file from a backup");
            }
            if (fresh) {
                DecisionLog.create(logFile);
            }
            log = DecisionLog.open(logFile);
            state.discardInterruptedWrite();
            if (!state.exists()) {
                if (!log.records().isEmpty()) {
                    throw new CheckpointStoreException("checkpoint directory " + directory + " lacks " + STATE_FILE
                            + " while " + LOG_FILE + " holds " + log.records().size() + " decisions: the"
                            + " watermarks are missing. The store refuses to restart from the beginning;"
                            + " restore the file from a backup");
                }
                // Created with the log, unless a crash came between the two.
                state.write(Map.of());
            }
            Map<String, TenantState> tenants = state.read();
            journal = StateJournal.open(directory.resolve(JOURNAL_FILE), tenants);
            return new LocalCheckpointStore(new FilePersistence(lockChannel, log, state, journal), log.records(),
                    tenants);
        } catch (RuntimeException e) {
            if (journal != null) {
                journal.close();
            }
            if (log != null) {
                log.close();
            }
            closeQuietly(lockChannel);
            throw e;
        }
    }

    @Override
    public long append(List<AuditRecord> records) {
        return log.append(records);
    }

    @Override
    public void awaitDurable(long ticket) {
        log.awaitDurable(ticket);
    }

    @Override
    public void writeState(Map<String, TenantState> changed, Map<String, TenantState> all) {
        log.sync();
        journal.append(changed);
        if (journal.lines() > Math.max(COMPACT_MIN, COMPACT_FACTOR * all.size())) {
            state.write(all);
            journal.reset();
        }
    }

    @Override
    public void close() {
        journal.close();
        log.close();
        closeQuietly(lockChannel); // releases the lock
    }

    /** Locks the directory for this process: two processes appending to one log would corrupt it. */
    private static FileChannel lock(Path directory) {
        Path lockFile = directory.resolve(LOCK_FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new CheckpointStoreException("could not open " + lockFile, e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new CheckpointStoreException("checkpoint directory " + directory
                        + " is in use by another process; a file store serves one process at a time"
                        + " (use the JDBC store to share tenants between instances)");
            }
            return channel;
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new CheckpointStoreException("checkpoint directory " + directory
                    + " is already open in this process; share the open store instead");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new CheckpointStoreException("could not lock " + lockFile, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was written through this channel.
        }
    }
}
