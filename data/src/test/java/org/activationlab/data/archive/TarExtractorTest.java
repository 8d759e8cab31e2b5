package org.activationlab.data.archive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.activationlab.data.testing.TarFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarExtractorTest {

    @TempDir
    Path tmp;
    Path cache;
    Path target;

    @BeforeEach
    void setUp() throws IOException {
        cache = Files.createDirectories(tmp.resolve("cache"));
        target = cache.resolve("out");
    }

    private static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static TarFiles goodEntries() throws IOException {
        return new TarFiles().dir("top").file("top/a.txt", "alpha".getBytes(UTF_8))
                .file("top/sub/b.txt", "beta".getBytes(UTF_8)).file("c.txt", new byte[0]);
    }

    @Test
    void extractsFilesAndFoldersAtomicallyWithAMarker() throws IOException {
        Path archive = goodEntries().writeTarGz(tmp.resolve("good.tar.gz"));

        Path extracted = TarExtractor.extract(archive, target);

        assertEquals(target, extracted);
        assertEquals(List.of("", TarExtractor.MARKER, "c.txt", "top", "top/a.txt", "top/sub", "top/sub/b.txt"),
                tree(target));
        assertEquals("alpha", Files.readString(target.resolve("top/a.txt")));
        assertEquals(List.of("", "out"), tree(cache).stream().filter(p -> !p.contains("/")).toList(),
                "no temporary folder left beside the target");
    }

    @Test
    void readsUncompressedTarToo() throws IOException {
        Path archive = goodEntries().writeTar(tmp.resolve("good.tar"));

        assertEquals("beta", Files.readString(TarExtractor.extract(archive, target).resolve("top/sub/b.txt")));
    }

    @Test
    void completedExtractionIsReusedWithoutReadingTheArchive() throws IOException {
        Path archive = goodEntries().writeTarGz(tmp.resolve("good.tar.gz"));
        TarExtractor.extract(archive, target);
        Files.write(archive, "no longer an archive".getBytes(UTF_8));

        assertEquals(target, TarExtractor.extract(archive, target));
        assertEquals("alpha", Files.readString(target.resolve("top/a.txt")));
    }

    @Test
    void halfExtractionsNeverCount() throws IOException {
        Path archive = goodEntries().writeTarGz(tmp.resolve("good.tar.gz"));
        // What an interrupted run leaves: a temporary sibling, never the target itself.
        Files.createDirectories(cache.resolve("out.1234.part/top"));
        assertEquals("alpha", Files.readString(TarExtractor.extract(archive, target).resolve("top/a.txt")));

        // A target without the marker was not made by the extractor: refused and left alone.
        Path foreign = Files.createDirectories(cache.resolve("foreign"));
        Files.writeString(foreign.resolve("keep.txt"), "mine");
        IOException e = assertThrows(IOException.class, () -> TarExtractor.extract(archive, foreign));
        assertTrue(e.getMessage().contains(foreign + ": it already exists but has no " + TarExtractor.MARKER),
                e.getMessage());
        assertEquals(List.of("", "keep.txt"), tree(foreign));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "top/../../evil", "../cache/out-evil"})
    void refusesEntriesEscapingTheTarget(String entry) throws IOException {
        Path archive = goodEntries().file(entry, "gotcha".getBytes(UTF_8)).writeTarGz(tmp.resolve("evil.tar.gz"));

        IOException e = assertThrows(IOException.class, () -> TarExtractor.extract(archive, target));

        assertEquals("refusing to extract archive " + archive + ": entry '" + entry + "' would be extracted outside"
                + " the target folder. The archive is damaged or malicious; nothing from it was kept", e.getMessage());
        assertNothingExtracted();
    }

    @Test
    void refusesAbsolutePaths() throws IOException {
        Path outside = tmp.resolve("absolute-evil");
        Path archive = goodEntries().file(outside.toString(), "gotcha".getBytes(UTF_8))
                .writeTarGz(tmp.resolve("evil.tar.gz"));

        IOException e = assertThrows(IOException.class, () -> TarExtractor.extract(archive, target));

        assertTrue(e.getMessage().contains(archive + ": entry '" + outside + "' is an absolute path"), e.getMessage());
        assertFalse(Files.exists(outside));
        assertNothingExtracted();
    }

    @Test
    void refusesSymbolicAndHardLinks() throws IOException {
        Path symlinked = goodEntries().symlink("top/passwd", "/etc/passwd").writeTarGz(tmp.resolve("sym.tar.gz"));
        IOException e = assertThrows(IOException.class, () -> TarExtractor.extract(symlinked, target));
        assertTrue(e.getMessage().contains(symlinked + ": entry 'top/passwd' is a symbolic link to '/etc/passwd'"),
                e.getMessage());
        assertNothingExtracted();

        Path hardLinked = goodEntries().hardLink("top/copy", "top/a.txt").writeTarGz(tmp.resolve("hard.tar.gz"));
        e = assertThrows(IOException.class, () -> TarExtractor.extract(hardLinked, target));
        assertTrue(e.getMessage().contains("entry 'top/copy' is a hard link to 'top/a.txt'"), e.getMessage());
        assertNothingExtracted();
    }

    @Test
    void truncatedArchiveIsReportedAndLeavesNothing() throws IOException {
        Path good = goodEntries().file("big.bin", new byte[100_000]).writeTar(tmp.resolve("good.tar"));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(tmp.resolve("truncated.tar"), Arrays.copyOf(bytes, 2048));

        IOException e = assertThrows(IOException.class, () -> TarExtractor.extract(truncated, target));

        assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());
        assertNothingExtracted();
    }

    @Test
    void stemDropsArchiveExtensions() {
        assertEquals("cifar10-jpeg", TarExtractor.stem("cifar10-jpeg.tar.gz"));
        assertEquals("x", TarExtractor.stem("x.TGZ"));
        assertEquals("x", TarExtractor.stem("x.tar"));
        assertEquals("x.zip", TarExtractor.stem("x.zip"));
    }

    /** Nothing in the cache folder (no target, no temporary folder) and nothing beside it. */
    private void assertNothingExtracted() throws IOException {
        assertEquals(List.of(""), tree(cache));
        try (Stream<Path> entries = Files.list(tmp)) {
            assertTrue(entries.allMatch(p -> p.equals(cache) || p.getFileName().toString().contains(".tar")),
                    "nothing written beside the cache: " + tree(tmp));
        }
    }
}
