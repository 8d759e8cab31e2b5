package org.activationlab.data.archive;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.activationlab.data.DataLog;
import org.activationlab.data.DatasetException;
import org.activationlab.data.cache.CacheFolders;
import org.activationlab.data.cache.TargetLock;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;

/**
 * Safely and atomically extracts tar archives (optionally gzip-compressed) into a folder.
 *
 * <p>Safety: only regular files and directories are extracted. An entry whose normalised path is
 * absolute or leads outside the target folder ({@code ../x}, {@code a/../../x}) is refused, and so
 * are symbolic links, hard links and special files, since a link could make a later entry land
 * outside the target. The {@link ExtractionLimits} cap the entry count and the bytes written, and an
 * archive larger than the free disk space is refused. A first pass over the entry headers applies all
 * of these checks, so a refused archive writes nothing at all. (Commons Compress itself strips a leading {@code /} from
 * names in PAX headers; such entries land inside the target.) File modes, owners and times from the
 * archive are not applied.
 *
 * <p>Atomicity: the archive is extracted into the sibling folder {@code <target>.part}, a marker file
 * {@value #MARKER} is written last, and the folder is then renamed to the target. So the target
 * either does not exist or holds a complete extraction. A {@link TargetLock} keeps concurrent runs
 * apart, and a failed extraction removes its {@code .part} folder; one left by a killed process (or by
 * older versions, {@code <target>.<uuid>.part}) is removed by the next extraction of that target.
 */
public final class TarExtractor {

    /** Name of the marker file written into a completed extraction. */
    public static final String MARKER = ".activationlab-extracted";
    /** Suffix of the folder an extraction is written into before it is renamed to the target. */
    public static final String PART_SUFFIX = ".part";

    private static final int BUFFER_SIZE = 1 << 16;
    private static final int FOLDER_HASH_DIGITS = 12;
    private static final int TAR_BLOCK = 512;
    /** Disk space left free for everything else when checking whether an entry fits. */
    private static final long FREE_SPACE_RESERVE = 16L << 20;

    private TarExtractor() {
    }

    /** {@link #extract(Path, Path, ExtractionLimits)} with the {@linkplain ExtractionLimits#defaults() default limits}. */
    public static Path extract(Path archive, Path target) throws IOException {
        return extract(archive, target, ExtractionLimits.defaults());
    }

    /**
     * Extracts {@code archive} into {@code target}, or returns {@code target} at once if it already
     * holds a completed extraction (its {@value #MARKER} file exists). The caller chooses a target
     * that identifies the archive's content, e.g. a name containing its checksum, since a completed
     * extraction is reused without comparing it with the archive.
     *
     * @return {@code target}, absolute and normalised
     * @throws DatasetException if the archive is not a tar or tar.gz file, is corrupt or truncated, has
     *     an unsafe entry, exceeds {@code limits} or the free disk space, or if {@code target} exists
     *     without the marker (it was not made by this class); nothing from the archive is kept then
     * @throws IOException if reading or writing fails otherwise
     */
    public static Path extract(Path archive, Path target, ExtractionLimits limits) throws IOException {
        Path dest = target.toAbsolutePath().normalize();
        if (isComplete(dest)) {
            return dest;
        }
        Path parent = dest.getParent();
        CacheFolders.create(parent, "extraction folder", "choose a writable cache folder with --cache-dir or"
                + " ACTIVATIONLAB_CACHE");
        try (TargetLock lock = TargetLock.acquire(dest,
                () -> DataLog.info("waiting for another extraction into " + dest + " to finish"))) {
            if (isComplete(dest)) {
                return dest; // a concurrent run finished while we waited
            }
            if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
                throw new DatasetException("cannot extract " + archive + " into " + dest + ": it already exists but"
                        + " has no " + MARKER + " file, so it is not a completed extraction; delete it (or choose"
                        + " another folder)");
            }
            removeStaleParts(dest);
            DataLog.info("extracting " + archive + " -> " + dest);
            long start = System.nanoTime();
            Path temp = dest.resolveSibling(dest.getFileName() + PART_SUFFIX);
            Files.createDirectory(temp);
            try {
                Extraction done = extractEntries(archive, temp, limits);
                Files.writeString(temp.resolve(MARKER), "complete extraction of " + archive + " (" + done.entries
                        + " entries)\n");
                Files.move(temp, dest, StandardCopyOption.ATOMIC_MOVE);
                DataLog.info(String.format(Locale.ROOT, "extracted %,d entries (%,d bytes) in %.1f s", done.entries,
                        done.bytes, (System.nanoTime() - start) / 1e9));
                return dest;
            } finally {
                CacheFolders.deleteRecursively(temp);
            }
        }
    }

    /** Whether {@code dir} holds a completed extraction, i.e. a {@value #MARKER} file. */
    public static boolean isComplete(Path dir) {
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

    /**
     * Removes what dead processes left for {@code dest}: {@code <dest>.part} and {@code <dest>.<uuid>.part}.
     * Only called while holding {@code dest}'s lock, so no live process is writing them.
     */
    private static void removeStaleParts(Path dest) throws IOException {
        String prefix = dest.getFileName() + ".";
        try (Stream<Path> siblings = Files.list(dest.getParent())) {
            for (Path stale : siblings.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(PART_SUFFIX);
            }).toList()) {
                DataLog.info("removing " + stale + ", left by an interrupted extraction");
                CacheFolders.deleteRecursively(stale);
            }
        }
    }

    private record Extraction(int entries, long bytes) {
    }

    /**
     * Extracts in two passes: the first reads only the entry headers, so an archive over a cap, with
     * an unsafe entry, or larger than the free disk space is refused before anything is written; the
     * second writes, checking everything again, since the archive or the free space may change.
     */
    private static Extraction extractEntries(Path archive, Path dir, ExtractionLimits limits) throws IOException {
        FileStore store = Files.getFileStore(dir);
        walk(archive, dir, limits, store, false);
        return walk(archive, dir, limits, store, true);
    }

    private static Extraction walk(Path archive, Path dir, ExtractionLimits limits, FileStore store, boolean write)
            throws IOException {
        int count = 0;
        long written = 0;
        long free = usableSpace(store);
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), BUFFER_SIZE)) {
            boolean gzip = isGzip(raw);
            InputStream content = new BufferedInputStream(gzip ? new GZIPInputStream(raw, BUFFER_SIZE) : raw,
                    BUFFER_SIZE);
            checkTarHeader(archive, content, gzip);
            try (TarArchiveInputStream tar = new TarArchiveInputStream(content)) {
                while (true) {
                    TarArchiveEntry entry;
                    try {
                        entry = tar.getNextEntry();
                    } catch (IOException e) {
                        throw corrupt(archive, gzip, count, e);
                    } catch (IllegalArgumentException e) {
                        // Commons Compress reports a garbled header field this way.
                        throw corrupt(archive, gzip, count, new IOException(e.getMessage(), e));
                    }
                    if (entry == null) {
                        if (count == 0) {
                            throw new DatasetException("archive " + archive + " holds no entries; expected a tar"
                                    + " or tar.gz file with the dataset's files");
                        }
                        return new Extraction(count, written);
                    }
                    count++;
                    String name = entry.getName();
                    if (count > limits.maxEntries()) {
                        throw new DatasetException(String.format(Locale.ROOT, "refusing to extract archive %s: it"
                                + " holds more than %,d entries, the cap; if the archive is trustworthy, raise the"
                                + " cap with %s (or -D%s). Nothing from it was kept", archive, limits.maxEntries(),
                                ExtractionLimits.MAX_ENTRIES_ENV, ExtractionLimits.MAX_ENTRIES_PROPERTY));
                    }
                    if (entry.isSymbolicLink() || entry.isLink()) {
                        throw refused(archive, name, "is a " + (entry.isSymbolicLink() ? "symbolic" : "hard")
                                + " link to '" + entry.getLinkName() + "'; links are refused because they could"
                                + " point outside the target folder");
                    }
                    if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                        throw refused(archive, name, "is a device or FIFO; only regular files and folders are"
                                + " extracted");
                    }
                    Path path = inside(archive, dir, name);
                    if (entry.isDirectory()) {
                        if (write) {
                            Files.createDirectories(path);
                        }
                        continue;
                    }
                    long size = entry.getSize();
                    if (size > limits.maxBytes() - written) {
                        throw new DatasetException(String.format(Locale.ROOT, "refusing to extract archive %s: its"
                                + " entry '%s' (%,d bytes) would take it past %,d bytes, the cap on extracted bytes"
                                + " (%,d written so far); if the archive is trustworthy, raise the cap with %s"
                                + " (e.g. 4G) or -D%s. Nothing from it was kept", archive, name, size,
                                limits.maxBytes(), written, ExtractionLimits.MAX_BYTES_ENV,
                                ExtractionLimits.MAX_BYTES_PROPERTY));
                    }
                    if (size > free) {
                        free = usableSpace(store) - (write ? 0 : written); // others may have freed space meanwhile
                        if (size > free) {
                            throw new DatasetException(String.format(Locale.ROOT, "cannot extract archive %s into"
                                    + " %s: it needs more than the %,d bytes free on %s (entry '%s' alone has %,d,"
                                    + " after %,d bytes of earlier entries); free disk space or choose another cache"
                                    + " folder with --cache-dir or ACTIVATIONLAB_CACHE. Nothing from it was kept",
                                    archive, dir.getParent(), Math.max(0, usableSpace(store)), store, name, size,
                                    written));
                        }
                    }
                    free -= size;
                    if (!write) {
                        written += size; // the next getNextEntry skips the content
                        continue;
                    }
                    Files.createDirectories(path.getParent());
                    written += copyEntry(archive, gzip, count, tar, name, path, buffer);
                }
            }
        }
    }

    private static long copyEntry(Path archive, boolean gzip, int count, InputStream tar, String name, Path path,
                                  byte[] buffer) throws IOException {
        long copied = 0;
        // A later entry of the same name replaces an earlier one, as tar itself does.
        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            while (true) {
                int n;
                try {
                    n = tar.read(buffer);
                } catch (IOException e) {
                    throw corrupt(archive, gzip, count, e);
                }
                if (n < 0) {
                    return copied;
                }
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw new DatasetException("archive " + archive + ": entry '" + name + "' could not be written"
                            + " to " + path + " (" + e.getMessage() + "); free disk space or choose another cache"
                            + " folder with --cache-dir or ACTIVATIONLAB_CACHE. Nothing from it was kept", e);
                }
                copied += n;
            }
        }
    }

    private static long usableSpace(FileStore store) throws IOException {
        return store.getUsableSpace() - FREE_SPACE_RESERVE;
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip;
    }

    /** Refuses a file whose first block is no tar header (e.g. a shell script), naming what it is instead. */
    private static void checkTarHeader(Path archive, InputStream content, boolean gzip) throws IOException {
        byte[] header = new byte[TAR_BLOCK];
        int n;
        content.mark(TAR_BLOCK);
        try {
            n = content.readNBytes(header, 0, TAR_BLOCK);
        } catch (IOException e) {
            throw corrupt(archive, gzip, 0, e);
        }
        content.reset();
        boolean zeros = n == TAR_BLOCK;
        for (int i = 0; i < n && zeros; i++) {
            zeros = header[i] == 0;
        }
        if (zeros || (n == TAR_BLOCK && (TarArchiveInputStream.matches(header, n) || hasValidChecksum(header)))) {
            return; // a tar header, or the end-of-archive block of an empty tar
        }
        throw new DatasetException("file " + archive + " is not a tar archive" + (gzip ? " (it is gzip-compressed,"
                + " but what it holds is no tar)" : " (nor gzip-compressed)") + "; expected a .tar, .tar.gz or .tgz"
                + " file, e.g. made with 'tar czf images.tar.gz train test'");
    }

    private static boolean hasValidChecksum(byte[] header) {
        try {
            return TarUtils.verifyCheckSum(header);
        } catch (IllegalArgumentException e) {
            return false; // the checksum field is not even octal digits
        }
    }

    private static DatasetException corrupt(Path archive, boolean gzip, int entries, IOException e) {
        boolean gzipProblem = e instanceof ZipException || e instanceof EOFException;
        return new DatasetException("archive " + archive + " is " + (gzip && gzipProblem ? "a corrupt or truncated"
                + " gzip file" : "corrupt or truncated") + " after " + entries + " entries (" + e.getMessage()
                + "); replace it with a complete copy (nothing from it was kept)", e);
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

    private static DatasetException refused(Path archive, String entry, String problem) {
        return new DatasetException("refusing to extract archive " + archive + ": entry '" + entry + "' " + problem
                + ". The archive is damaged or malicious; nothing from it was kept");
    }
}
