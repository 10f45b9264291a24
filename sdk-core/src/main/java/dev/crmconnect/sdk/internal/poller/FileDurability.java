package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.sdk.exception.CheckpointStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Durable file writes: fsync'd files, atomic replacement, fsync'd directories. */
final class FileDurability {

    private FileDurability() {
    }

    /**
     * Replaces {@code target} with {@code content} so that a crash at any point leaves either the
     * old or the new content: write a temporary file, fsync it, move it over the target
     * atomically, fsync the directory so the move itself is durable.
     */
    static void replace(Path target, byte[] content) {
        Path temporary = temporaryOf(target);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                Fsyncs.force(channel, true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new CheckpointStoreException("the file system of " + target + " cannot replace files atomically", e);
        } catch (IOException e) {
            throw new CheckpointStoreException("could not write checkpoint file " + target, e);
        }
        syncDirectory(target.getParent());
    }

    /** The temporary file {@link #replace} writes first; a leftover one was never acknowledged. */
    static Path temporaryOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp");
    }

    /** Makes the directory's entries (created, renamed files) durable. */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            Fsyncs.force(channel, true);
        } catch (IOException e) {
            if (isPosix(directory)) {
                throw new CheckpointStoreException("could not fsync checkpoint directory " + directory, e);
            }
            // Windows cannot open a directory as a file; NTFS journals renames itself.
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
