package org.activationlab.tf.saving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a directory so that readers see the old one or the complete new one, never a half-written one: the
 * files go into a temporary sibling that is renamed into place when complete.
 */
final class AtomicDirectory {

    /** Fills a fresh directory. */
    @FunctionalInterface
    interface Contents {
        void writeInto(Path dir) throws IOException;
    }

    private AtomicDirectory() {
    }

    static void write(Path dir, Contents contents) throws IOException {
        Path target = dir.toAbsolutePath();
        Files.createDirectories(target.getParent());
        String unique = "." + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path temp = target.resolveSibling(target.getFileName() + ".tmp" + unique);
        Files.createDirectory(temp);
        try {
            contents.writeInto(temp);
            if (Files.exists(target)) {
                // a directory cannot be replaced in one rename: move the old one aside first
                Path old = target.resolveSibling(target.getFileName() + ".old" + unique);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            if (Files.exists(temp)) {
                deleteTree(temp);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
