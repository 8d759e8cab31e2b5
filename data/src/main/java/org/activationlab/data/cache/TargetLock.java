package org.activationlab.data.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * An exclusive lock on one cache target (a file or folder about to be created), held against other
 * threads of this process and against other processes, so that only one of them downloads or
 * extracts it while the others wait and then reuse the result.
 *
 * <p>The operating-system lock is taken on a sibling file {@code <target>.lock}, which the holder
 * deletes before releasing, so no lock file is left behind. A waiter may thus end up holding the lock
 * of a file that was deleted meanwhile; it notices because the token it wrote into the locked file is
 * not what the path holds, and starts over. (The path is read through a second channel that stays
 * open until release: POSIX drops all of a process's locks on a file when any descriptor of it is
 * closed.) Because the lock dies with its process, whatever a dead
 * process left next to the target (its {@code *.part} files or folders) is known to be stale once the
 * lock is held, and may be removed or resumed.
 */
public final class TargetLock implements AutoCloseable {

    /** Suffix of the lock file next to the target. */
    public static final String SUFFIX = ".lock";

    // FileChannel locks are per process: a second channel of this JVM locking the same file throws
    // OverlappingFileLockException instead of waiting, so threads queue on an in-process permit first.
    // A semaphore rather than a ReentrantLock, since the lock may be closed by another thread.
    private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Path, Thread> OWNERS = new ConcurrentHashMap<>();

    private final Path target;
    private final Path lockFile;
    private final Semaphore permit;
    private final FileChannel channel;
    private final FileLock fileLock;
    private final FileChannel reader;

    private TargetLock(Path target, Path lockFile, Semaphore permit, FileChannel channel, FileLock fileLock,
                       FileChannel reader) {
        this.target = target;
        this.lockFile = lockFile;
        this.permit = permit;
        this.channel = channel;
        this.fileLock = fileLock;
        this.reader = reader;
    }

    /**
     * Waits until no other thread or process holds the lock of {@code target}, then takes it.
     *
     * @param onWait called once, before waiting, if another holder is seen (e.g. to tell the user why
     *     nothing happens)
     * @throws IllegalStateException if the current thread already holds it
     */
    public static TargetLock acquire(Path target, Runnable onWait) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path lockFile = absolute.resolveSibling(absolute.getFileName() + SUFFIX);
        Semaphore permit = IN_PROCESS.computeIfAbsent(absolute, p -> new Semaphore(1));
        if (OWNERS.get(absolute) == Thread.currentThread()) {
            throw new IllegalStateException("this thread already holds the lock of " + absolute);
        }
        boolean waited = false;
        if (!permit.tryAcquire()) {
            onWait.run();
            waited = true;
            permit.acquireUninterruptibly();
        }
        try {
            byte[] token = (ProcessHandle.current().pid() + " " + UUID.randomUUID() + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            while (true) {
                FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                try {
                    FileLock lock = channel.tryLock();
                    if (lock == null) {
                        if (!waited) {
                            onWait.run();
                            waited = true;
                        }
                        lock = channel.lock();
                    }
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(token), 0);
                    FileChannel reader = readerIfHolding(lockFile, token);
                    if (reader != null) {
                        OWNERS.put(absolute, Thread.currentThread());
                        return new TargetLock(absolute, lockFile, permit, channel, lock, reader);
                    }
                    // The previous holder deleted the file we locked; lock the current one instead.
                    channel.close();
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            }
        } catch (IOException | RuntimeException e) {
            permit.release();
            throw e;
        }
    }

    /**
     * A channel reading {@code lockFile} through its path if it holds {@code token} (so the path is
     * the file we locked), else {@code null}.
     */
    private static FileChannel readerIfHolding(Path lockFile, byte[] token) throws IOException {
        FileChannel reader;
        try {
            reader = FileChannel.open(lockFile, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return null;
        }
        ByteBuffer content = ByteBuffer.allocate(token.length + 1);
        while (content.hasRemaining() && reader.read(content) > 0) {
            // read up to one byte more than the token, to tell a longer content apart
        }
        if (content.position() == token.length && Arrays.equals(Arrays.copyOf(content.array(), token.length), token)) {
            return reader;
        }
        reader.close();
        return null;
    }

    /** Deletes the lock file, then releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(lockFile);
            fileLock.release();
        } finally {
            try {
                channel.close();
                reader.close();
            } finally {
                OWNERS.remove(target);
                permit.release();
            }
        }
    }
}
