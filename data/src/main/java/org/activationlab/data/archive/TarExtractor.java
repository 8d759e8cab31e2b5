package org.activationlab.data.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.activationlab.data.download.DatasetResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Safely and atomically extracts tar archives (optionally gzip-compressed) into a folder.
 *
 * <p>Safety: only regular files and directories are extracted. An entry whose normalised path is
 * absolute or leads outside the target folder ({@code ../x}, {@code a/../../x}) is refused, and so
 * are symbolic links, hard links and special files, since a link could make a later entry land
 * outside the target. Refusal stops the extraction before anything is written for that entry.
 * (Commons Compress itself strips a leading {@code /} from names in PAX headers; such entries land
 * inside the target.) File modes, owners and times from the archive are not applied.
 *
 * <p>Atomicity: the archive is extracted into a unique temporary sibling folder, a marker file
 * {@value #MARKER} is written last, and the folder is then renamed to the target. So the target
 * either does not exist or holds a complete extraction, and an interrupted or concurrent run never
 * leaves a half extraction under the final name.
 */
public final class TarExtractor {

    /** Name of the marker file written into a completed extraction. */
    public static final String MARKER = ".activationlab-extracted";

    private static final int BUFFER_SIZE = 1 << 16;
    private static final int FOLDER_HASH_DIGITS = 12;

    private TarExtractor() {
    }

    /**
     * Extracts {@code archive} into {@code target}, or returns {@code target} at once if it already
     * holds a completed extraction (its {@value #MARKER} file exists). The caller chooses a target
     * that identifies the archive's content, e.g. a name containing its checksum, since a completed
     * extraction is reused without comparing it with the archive.
     *
     * @return {@code target}, absolute and normalised
     * @throws IOException if the archive cannot be read, is corrupt or truncated, has an unsafe entry,
     *     or if {@code target} exists without the marker (it was not made by this class)
     */
    public static Path extract(Path archive, Path target) throws IOException {
        Path dest = target.toAbsolutePath().normalize();
        if (isComplete(dest)) {
            return dest;
        }
        if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("cannot extract " + archive + " into " + dest + ": it already exists but has no "
                    + MARKER + " file, so it is not a completed extraction; delete it (or choose another folder)");
        }
        Path parent = dest.getParent();
        Files.createDirectories(parent);
        DatasetResolver.log("extracting " + archive + " -> " + dest);
        long start = System.nanoTime();
        // A unique sibling on the same filesystem, so that the final rename is atomic and concurrent
        // runs never share a temporary folder.
        Path temp = parent.resolve(dest.getFileName() + "." + UUID.randomUUID() + ".part");
        Files.createDirectory(temp);
        try {
            int entries = extractEntries(archive, temp);
            Files.writeString(temp.resolve(MARKER), "complete extraction of " + archive + " (" + entries
                    + " entries)\n");
            try {
                Files.move(temp, dest, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (isComplete(dest)) {
                    return dest; // a concurrent run finished first; its extraction is as good as ours
                }
                throw e;
            }
            DatasetResolver.log(String.format(Locale.ROOT, "extracted %,d entries in %.1f s", entries,
                    (System.nanoTime() - start) / 1e9));
            return dest;
        } finally {
            deleteRecursively(temp);
        }
    }

    /** Whether {@code dir} holds a completed extraction, i.e. a {@value #MARKER} file. */
    static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * A folder name identifying an archive's content: {@code <stem>-<first 12 hex digits of its
     * SHA-256>}, e.g. {@code cifar10-jpeg-efac85c8ed52}, so a changed archive is never mistaken for
     * an extraction of the old one.
     */
    public static String folderName(String archiveFileName, String sha256) {
        return stem(archiveFileName) + "-" + sha256.substring(0, FOLDER_HASH_DIGITS);
    }

    /**
     * The file name of an archive without its {@code .tar.gz}, {@code .tgz} or {@code .tar}
     * extension (case-insensitive), e.g. {@code "cifar10-jpeg"}.
     */
    public static String stem(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String extension : new String[] {".tar.gz", ".tgz", ".tar"}) {
            if (lower.endsWith(extension) && lower.length() > extension.length()) {
                return fileName.substring(0, fileName.length() - extension.length());
            }
        }
        return fileName;
    }

    private static int extractEntries(Path archive, Path dir) throws IOException {
        int count = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), BUFFER_SIZE);
             TarArchiveInputStream tar = new TarArchiveInputStream(gunzipIfCompressed(raw))) {
            while (true) {
                TarArchiveEntry entry;
                try {
                    entry = tar.getNextEntry();
                } catch (IOException e) {
                    throw new IOException("archive " + archive + " is corrupt or truncated after " + count
                            + " entries: " + e.getMessage() + "; expected a complete tar or tar.gz file", e);
                }
                if (entry == null) {
                    return count;
                }
                count++;
                String name = entry.getName();
                if (entry.isSymbolicLink() || entry.isLink()) {
                    throw refused(archive, name, "is a " + (entry.isSymbolicLink() ? "symbolic" : "hard")
                            + " link to '" + entry.getLinkName() + "'; links are refused because they could"
                            + " point outside the target folder");
                }
                if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                    throw refused(archive, name, "is a device or FIFO; only regular files and folders are extracted");
                }
                Path path = inside(archive, dir, name);
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    try {
                        Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw new IOException("archive " + archive + ": entry '" + name + "' could not be extracted"
                                + " to " + path + ": " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    private static InputStream gunzipIfCompressed(InputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in, BUFFER_SIZE) : in;
    }

    /** Where entry {@code name} goes under {@code dir}, refusing names that would leave it. */
    private static Path inside(Path archive, Path dir, String name) throws IOException {
        Path relative;
        try {
            relative = Path.of(name);
        } catch (InvalidPathException e) {
            throw refused(archive, name, "is not a valid file name (" + e.getReason() + ")");
        }
        if (name.startsWith("/") || relative.isAbsolute()) {
            throw refused(archive, name, "is an absolute path; only paths relative to the target folder are extracted");
        }
        Path path = dir.resolve(relative).normalize();
        if (!path.startsWith(dir)) {
            throw refused(archive, name, "would be extracted outside the target folder");
        }
        return path;
    }

    private static IOException refused(Path archive, String entry, String problem) {
        return new IOException("refusing to extract archive " + archive + ": entry '" + entry + "' " + problem
                + ". The archive is damaged or malicious; nothing from it was kept");
    }

    /** Deletes {@code dir} and everything in it, without following links; does nothing if it is absent. */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
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
