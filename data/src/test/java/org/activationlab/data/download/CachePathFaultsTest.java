package org.activationlab.data.download;

import static org.activationlab.data.idx.IdxFiles.gzip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.activationlab.data.DatasetException;
import org.activationlab.data.archive.ExtractionLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad cache and mirror paths and bad files in a {@code file:} mirror: one line naming the path and
 * the fix, instead of "Not a directory", a bare path or a zlib message.
 */
class CachePathFaultsTest {

    private static final byte[] CONTENT = "pretend this is an IDX file\n".repeat(2000).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    Path mirror;
    RemoteFile file;

    @BeforeEach
    void setUp() throws Exception {
        mirror = Files.createDirectories(tmp.resolve("mirror"));
        Files.createDirectories(mirror.resolve("toy"));
        Files.write(mirror.resolve("toy/data.bin.gz"), gzip(CONTENT));
        file = new RemoteFile("toy", "data.bin", "data.bin.gz", URI.create("https://example.invalid/toy/data.bin.gz"),
                DownloadFaultsTest.sha256(CONTENT));
    }

    private DatasetResolver resolver(Path cache, Path mirrorPath) {
        return DatasetResolver.create(cache, mirrorPath.toString(), key -> null, key -> null);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void cacheUnderARegularFileNamesBothAndTheFix() throws IOException {
        Path regular = Files.writeString(tmp.resolve("notes.txt"), "a file, not a folder");
        Path cache = regular.resolve("cache");
        DatasetException e = assertThrows(DatasetException.class, () -> resolver(cache, mirror).resolve(file));
        assertEquals("cache folder " + cache.resolve("toy") + " cannot be created: " + regular + " is a regular"
                + " file, not a folder; choose a writable cache folder with --cache-dir or ACTIVATIONLAB_CACHE",
                e.getMessage());
    }

    @Test
    void mirrorUnderARegularFileNamesBothAndTheFix() throws IOException {
        Path regular = Files.writeString(tmp.resolve("mirror.txt"), "a file, not a folder");
        Path cache = tmp.resolve("cache");
        DatasetException e = assertThrows(DatasetException.class,
                () -> resolver(cache, regular.resolve("data")).resolve(file));
        assertTrue(e.getMessage().startsWith("data mirror path " + regular.resolve("data/toy/data.bin.gz")
                + " is under " + regular + ", which is a regular file, not a folder; point --data-mirror /"
                + " ACTIVATIONLAB_MIRROR at the folder holding toy/data.bin.gz"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void unwritableCacheNamesThePathAndTheFix() throws IOException {
        Path cache = Files.createDirectories(tmp.resolve("locked-cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(cache), "permissions do not bind this user (root)");
            DatasetException e = assertThrows(DatasetException.class, () -> resolver(cache, mirror).resolve(file));
            assertEquals("cache folder " + cache.resolve("toy") + " cannot be created (permission denied on "
                    + cache.resolve("toy") + "); choose a writable cache folder with --cache-dir or"
                    + " ACTIVATIONLAB_CACHE", e.getMessage());
        } finally {
            Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void corruptOrTruncatedGzipInTheMirrorNamesTheFileAndTheFix() throws IOException {
        byte[] gz = gzip(CONTENT);
        byte[] corrupt = gz.clone();
        for (int i = 20; i < 60; i++) {
            corrupt[i] ^= (byte) 0xA7;
        }
        Path cache = tmp.resolve("cache");
        for (byte[] bad : List.of(corrupt, Arrays.copyOf(gz, gz.length / 2))) {
            Files.write(mirror.resolve("toy/data.bin.gz"), bad);
            DatasetException e = assertThrows(DatasetException.class, () -> resolver(cache, mirror).resolve(file));
            URI url = URI.create(mirror.toUri() + "toy/data.bin.gz");
            assertTrue(e.getMessage().startsWith("data.bin.gz at " + url + " is a corrupt or truncated gzip file ("),
                    e.getMessage());
            assertTrue(e.getMessage().contains("); replace it with a good copy; the mirror " + mirror.toUri()
                    + " must hold toy/data.bin.gz. Change it with --data-mirror / ACTIVATIONLAB_MIRROR"), e.getMessage());
            assertTrue(e.getMessage().endsWith("; or put the uncompressed data.bin at " + cache.resolve("toy/data.bin")
                    + " by hand (it is checksum-verified)"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertEquals(List.of(), listing(cache.resolve("toy")), "nothing kept");
        }
        Files.write(mirror.resolve("toy/data.bin.gz"), gz);
        assertArrayEquals(CONTENT, Files.readAllBytes(resolver(cache, mirror).resolve(file)));
    }

    @Test
    void aDownloadThatDecompressesBeyondTheCapIsRefused() throws IOException {
        Path cache = tmp.resolve("cache");
        DatasetResolver capped = resolver(cache, mirror).withExtractionLimits(new ExtractionLimits(10_000, 10));
        DatasetException e = assertThrows(DatasetException.class, () -> capped.resolve(file));
        assertTrue(e.getMessage().startsWith(mirror.toUri() + "toy/data.bin.gz decompresses to more than 10,000"
                + " bytes, the cap on extracted bytes; it is not data.bin."), e.getMessage());
        assertEquals(List.of(), listing(cache.resolve("toy")));
    }
}
