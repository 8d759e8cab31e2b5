package org.activationlab.study.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader sees either the old content or the complete new content, never a torn file, even
 * if the process is killed mid-write: the bytes go to a temporary file in the same directory, are flushed to disk,
 * and the temporary file is then renamed over the target.
 */
public final class AtomicFiles {

    /** Suffix of the temporary files; readers of a directory should skip names ending with it. */
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Atomically replaces {@code file} with {@code text} encoded as UTF-8, creating parent directories. */
    public static void writeString(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Atomically replaces {@code file} with {@code bytes}, creating parent directories.
     *
     * @throws UncheckedIOException naming the file if it cannot be written
     */
    public static void write(Path file, byte[] bytes) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = dir.resolve("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
        try {
            Files.createDirectories(dir);
            // CREATE_NEW rather than Files.createTempFile, which would make the result owner-only (0600)
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } catch (AtomicMoveNotSupportedException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot atomically replace " + target + ": the file system of " + dir
                    + " does not support atomic renames; write the results to a local directory", e);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage()
                    + "; check that the directory is writable and the disk is not full", e);
        }
    }

    /** Makes the rename itself durable; Linux needs the directory entry flushed, not just the file. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some platforms (Windows) cannot open a directory; the rename is still atomic there, only less durable
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // the original failure is the one worth reporting; a stray temp file is skipped by readers
        }
    }
}
