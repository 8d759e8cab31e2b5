package org.activationlab.data.cache;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.activationlab.data.DatasetException;

/** Creating, checking and clearing folders of the data cache, with one-line errors that say how to fix them. */
public final class CacheFolders {

    private CacheFolders() {
    }

    /**
     * Creates {@code dir} and its parents unless they exist, and checks that it is writable.
     *
     * @param what what the folder is, e.g. {@code "cache folder"}
     * @param fix the fix to suggest, e.g. {@code "choose another one with --cache-dir"}
     * @throws DatasetException if a path component is a regular file, permission is denied, or the
     *     folder cannot be created for another reason; the message names the path and {@code fix}
     */
    public static Path create(Path dir, String what, String fix) throws IOException {
        Optional<Path> file = regularFileOnPath(dir);
        if (file.isPresent()) {
            throw new DatasetException(what + " " + dir + " cannot be created: " + file.get()
                    + " is a regular file, not a folder; " + fix);
        }
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException e) {
            throw new DatasetException(what + " " + dir + " cannot be created (permission denied on " + e.getFile()
                    + "); " + fix, e);
        } catch (IOException e) {
            throw new DatasetException(what + " " + dir + " cannot be created (" + e + "); " + fix, e);
        }
        if (!Files.isWritable(dir)) {
            throw new DatasetException(what + " " + dir + " is not writable (permission denied); " + fix);
        }
        return dir;
    }

    /**
     * The first existing component of {@code path} (from the root down, {@code path} itself
     * excluded) that is a regular file rather than a folder, e.g. {@code /data/x} for
     * {@code /data/x/mnist} when {@code /data/x} is a file.
     */
    public static Optional<Path> regularFileOnPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path current = absolute.getRoot();
        for (Path segment : absolute) {
            current = current == null ? segment : current.resolve(segment);
            if (current.equals(absolute)) {
                break;
            }
            if (Files.isRegularFile(current)) {
                return Optional.of(current);
            }
            if (!Files.exists(current)) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Deletes {@code path} and everything in it, without following links; does nothing if it is absent. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
