package org.activationlab.data.archive;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.activationlab.data.DatasetException;
import org.activationlab.data.Datasets;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.data.images.ImageFolder;
import org.activationlab.data.testing.TarFiles;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives crafted to hurt: a gzip bomb, too many entries, files that are no archive, truncated
 * gzip, links and escaping paths. Each is refused with one line naming the archive, and nothing of
 * it stays in the cache.
 */
@Timeout(120)
class ArchiveFaultsTest {

    private static final long BOMB_ENTRY_BYTES = (1L << 30) + (64L << 20); // 1.06 GiB of zeros

    @TempDir
    Path tmp;
    Path cache;
    Path out;

    @BeforeEach
    void setUp() throws IOException {
        cache = tmp.resolve("cache");
        out = Files.createDirectories(cache.resolve("x")).resolve("out");
    }

    private static List<String> listing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static void assertOneLine(String message) {
        assertFalse(message.contains("\n"), "one line: " + message);
    }

    /** A tar.gz of about 1 MB whose single image entry expands to more than 1 GiB. */
    private Path gzipBomb() throws IOException {
        Path bomb = tmp.resolve("bomb.tar.gz");
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(bomb), 1 << 16);
             GZIPOutputStream gzip = new GZIPOutputStream(file, 1 << 16);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            TarArchiveEntry entry = new TarArchiveEntry("bomb/train/a/0.png");
            entry.setSize(BOMB_ENTRY_BYTES);
            tar.putArchiveEntry(entry);
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < BOMB_ENTRY_BYTES; written += zeros.length) {
                tar.write(zeros, 0, (int) Math.min(zeros.length, BOMB_ENTRY_BYTES - written));
            }
            tar.closeArchiveEntry();
        }
        return bomb;
    }

    @Test
    void gzipBombIsRefusedAtTheDefaultCapWithNothingLeftInTheCache() throws IOException {
        Path bomb = gzipBomb();
        assertTrue(Files.size(bomb) < 2_000_000, "a ~1 MB bomb, got " + Files.size(bomb));
        DatasetResolver resolver = DatasetResolver.create(cache, null, key -> null, key -> null);

        long start = System.nanoTime();
        DatasetException e = assertThrows(DatasetException.class,
                () -> Datasets.openImages("folder:" + bomb, resolver));

        assertOneLine(e.getMessage());
        assertEquals(String.format(Locale.ROOT, "refusing to extract archive %s: its entry 'bomb/train/a/0.png'"
                + " (%,d bytes) would take it past 1,073,741,824 bytes, the cap on extracted bytes (0 written so far);"
                + " if the archive is trustworthy, raise the cap with ACTIVATIONLAB_EXTRACT_MAX_BYTES (e.g. 4G) or"
                + " -Dactivationlab.extract.maxBytes. Nothing from it was kept", bomb, BOMB_ENTRY_BYTES), e.getMessage());
        assertTrue(System.nanoTime() - start < 10e9, "refused from the entry header, before inflating it");
        assertEquals(List.of(), listing(cache.resolve(ImageFolder.CACHE_FOLDER)), "nothing left in the cache");
    }

    @Test
    void manySmallEntriesAreRefusedAtTheByteCap() throws IOException {
        TarFiles tar = new TarFiles();
        for (int i = 0; i < 20; i++) {
            tar.file("f" + i, new byte[100_000]);
        }
        Path archive = tar.writeTarGz(tmp.resolve("big.tar.gz"));
        DatasetException e = assertThrows(DatasetException.class,
                () -> TarExtractor.extract(archive, out, new ExtractionLimits(1 << 20, 1000)));
        assertOneLine(e.getMessage());
        assertTrue(e.getMessage().startsWith("refusing to extract archive " + archive + ": its entry 'f10' (100,000"
                + " bytes) would take it past 1,048,576 bytes, the cap on extracted bytes (1,000,000 written so far)"),
                e.getMessage());
        assertEquals(List.of(), listing(out.getParent()));
    }

    @Test
    void tooManyEntriesAreRefusedAtTheEntryCap() throws IOException {
        TarFiles tar = new TarFiles();
        for (int i = 0; i < 150; i++) {
            tar.file("e/" + i, new byte[1]);
        }
        Path archive = tar.writeTar(tmp.resolve("many.tar"));
        DatasetException e = assertThrows(DatasetException.class,
                () -> TarExtractor.extract(archive, out, new ExtractionLimits(1 << 20, 100)));
        assertEquals("refusing to extract archive " + archive + ": it holds more than 100 entries, the cap; if the"
                + " archive is trustworthy, raise the cap with ACTIVATIONLAB_EXTRACT_MAX_ENTRIES (or"
                + " -Dactivationlab.extract.maxEntries). Nothing from it was kept", e.getMessage());
        assertEquals(List.of(), listing(out.getParent()));
    }

    @Test
    void capsAreConfigurableAndMalformedValuesNameTheVariable() {
        Map<String, String> env = Map.of(ExtractionLimits.MAX_BYTES_ENV, "4G", ExtractionLimits.MAX_ENTRIES_ENV, "500000");
        ExtractionLimits limits = ExtractionLimits.fromConfiguration(key -> null, env::get);
        assertEquals(new ExtractionLimits(4L << 30, 500_000), limits);
        assertEquals(ExtractionLimits.defaults(), ExtractionLimits.fromConfiguration(key -> null, key -> null));
        assertEquals(new ExtractionLimits(512L << 20, 500_000), ExtractionLimits.fromConfiguration(
                Map.of(ExtractionLimits.MAX_BYTES_PROPERTY, "512m")::get, env::get), "the property wins");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExtractionLimits
                .fromConfiguration(key -> null, Map.of(ExtractionLimits.MAX_BYTES_ENV, "lots")::get));
        assertEquals("ACTIVATIONLAB_EXTRACT_MAX_BYTES must be a positive number of bytes such as 4G, 512M or 1000000,"
                + " got 'lots'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ExtractionLimits
                .fromConfiguration(Map.of(ExtractionLimits.MAX_ENTRIES_PROPERTY, "0")::get, key -> null));
        assertEquals("-Dactivationlab.extract.maxEntries must be a positive number of entries such as 500000, got '0'",
                e.getMessage());
    }

    @Test
    void anArchiveLargerThanTheFreeDiskSpaceIsRefusedBeforeWriting() throws IOException {
        // One header declaring a petabyte entry (base-256 size field), and no content at all: the first
        // pass refuses it from the header alone, before reaching the missing content.
        TarArchiveEntry huge = new TarArchiveEntry("huge.bin");
        huge.setSize(1L << 50);
        byte[] header = new byte[512];
        huge.writeEntryHeader(header, ZipEncodingHelper.getZipEncoding("UTF-8"), true);
        Path archive = Files.write(tmp.resolve("huge.tar"), header);
        DatasetException e = assertThrows(DatasetException.class,
                () -> TarExtractor.extract(archive, out, new ExtractionLimits(Long.MAX_VALUE, 10)));
        assertOneLine(e.getMessage());
        assertTrue(e.getMessage().startsWith("cannot extract archive " + archive + " into " + out.getParent()
                + ": it needs more than the "), e.getMessage());
        assertTrue(e.getMessage().contains(String.format(Locale.ROOT, "(entry 'huge.bin' alone has %,d, after 0"
                + " bytes of earlier entries); free disk space or choose another cache folder with --cache-dir or"
                + " ACTIVATIONLAB_CACHE", 1L << 50)), e.getMessage());
        assertEquals(List.of(), listing(out.getParent()));
    }

    @Test
    void aShellScriptIsNotATarArchive() throws IOException {
        Path script = Files.writeString(tmp.resolve("install.tar.gz"), "#!/bin/sh\necho 'hello'\n".repeat(40));
        DatasetResolver resolver = DatasetResolver.create(cache, null, key -> null, key -> null);
        DatasetException e = assertThrows(DatasetException.class,
                () -> Datasets.openImages("folder:" + script, resolver));
        assertEquals("file " + script + " is not a tar archive (nor gzip-compressed); expected a .tar, .tar.gz or"
                + " .tgz file, e.g. made with 'tar czf images.tar.gz train test'", e.getMessage());
        assertEquals(List.of(), listing(cache.resolve(ImageFolder.CACHE_FOLDER)));

        Path gzipped = tmp.resolve("script.tgz");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            gz.write("#!/bin/sh\necho 'hello'\n".repeat(40).getBytes(US_ASCII));
        }
        e = assertThrows(DatasetException.class, () -> TarExtractor.extract(gzipped, out));
        assertTrue(e.getMessage().startsWith("file " + gzipped + " is not a tar archive (it is gzip-compressed, but"
                + " what it holds is no tar)"), e.getMessage());

        Path empty = Files.write(tmp.resolve("empty.tar"), new byte[0]);
        e = assertThrows(DatasetException.class, () -> TarExtractor.extract(empty, out));
        assertTrue(e.getMessage().startsWith("file " + empty + " is not a tar archive"), e.getMessage());

        Path emptyTar = new TarFiles().writeTar(tmp.resolve("nothing.tar"));
        e = assertThrows(DatasetException.class, () -> TarExtractor.extract(emptyTar, out));
        assertEquals("archive " + emptyTar + " holds no entries; expected a tar or tar.gz file with the dataset's"
                + " files", e.getMessage());
        assertEquals(List.of(), listing(out.getParent()));
    }

    @Test
    void aTruncatedGzipNamesTheArchiveAndLeavesNothing() throws IOException {
        TarFiles tar = new TarFiles();
        byte[] noise = new byte[200_000];
        new Random(3).nextBytes(noise);
        Path whole = tar.file("a.bin", noise).file("b.bin", noise).writeTarGz(tmp.resolve("whole.tar.gz"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(tmp.resolve("cut.tar.gz"), Arrays.copyOf(bytes, bytes.length * 3 / 4));
        DatasetException e = assertThrows(DatasetException.class, () -> TarExtractor.extract(cut, out));
        assertOneLine(e.getMessage());
        assertTrue(e.getMessage().startsWith("archive " + cut + " is a corrupt or truncated gzip file after "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; replace it with a complete copy (nothing from it was kept)"),
                e.getMessage());
        assertEquals(List.of(), listing(out.getParent()));
    }

    @Test
    void linksAndEscapingPathsLeaveNothingInTheCache() throws IOException {
        List<TarFiles> evil = List.of(
                new TarFiles().file("ok.txt", new byte[3]).symlink("link", "/etc/passwd"),
                new TarFiles().file("ok.txt", new byte[3]).hardLink("hard", "../../outside"),
                new TarFiles().file("ok.txt", new byte[3]).file("../escape.txt", new byte[3]),
                new TarFiles().file("ok.txt", new byte[3]).file("a/../../escape.txt", new byte[3]));
        for (int i = 0; i < evil.size(); i++) {
            Path archive = evil.get(i).writeTarGz(tmp.resolve("evil" + i + ".tar.gz"));
            DatasetException e = assertThrows(DatasetException.class, () -> TarExtractor.extract(archive, out));
            assertOneLine(e.getMessage());
            assertTrue(e.getMessage().startsWith("refusing to extract archive " + archive + ": entry '"),
                    e.getMessage());
            assertEquals(List.of(), listing(out.getParent()), "archive " + i);
            assertFalse(Files.exists(cache.resolve("escape.txt")));
        }
    }

    @Test
    void partFoldersLeftByADeadProcessAreRemoved() throws IOException {
        Files.createDirectories(out.resolveSibling("out.part/half/written"));
        Files.createDirectories(out.resolveSibling("out.7d6e0b7a-1111-4222-8333-444455556666.part/old"));
        Path archive = new TarFiles().file("top/a.txt", "alpha".getBytes(US_ASCII)).writeTarGz(tmp.resolve("a.tar.gz"));
        TarExtractor.extract(archive, out);
        assertEquals(List.of("out", "out/" + TarExtractor.MARKER, "out/top", "out/top/a.txt"), listing(out.getParent()));
    }

    @Test
    void concurrentExtractionsOfOneTargetExtractOnce() throws Exception {
        TarFiles tar = new TarFiles();
        for (int i = 0; i < 200; i++) {
            tar.file("d/" + i, new byte[10_000]);
        }
        Path archive = tar.writeTarGz(tmp.resolve("d.tar.gz"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> TarExtractor.extract(archive, out)));
            }
            for (Future<Path> result : results) {
                assertEquals(out, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(TarExtractor.isComplete(out));
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            assertEquals(List.of(out), siblings.toList(), "no .part or .lock left");
        }
    }
}
