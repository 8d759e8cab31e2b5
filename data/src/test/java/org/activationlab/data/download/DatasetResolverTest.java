package org.activationlab.data.download;

import static org.activationlab.data.idx.IdxFiles.gzip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.activationlab.data.DatasetNotFoundException;
import org.activationlab.data.testing.TarFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetResolverTest {

    private static final byte[] CONTENT = "pretend this is an IDX file\n".repeat(100).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    Path mirrorDir;
    Path cache;
    RemoteFile file;

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @BeforeEach
    void setUp() throws Exception {
        mirrorDir = Files.createDirectories(tmp.resolve("mirror"));
        cache = tmp.resolve("cache");
        Files.createDirectories(mirrorDir.resolve("toy"));
        Files.write(mirrorDir.resolve("toy/data.bin.gz"), gzip(CONTENT));
        file = new RemoteFile("toy", "data.bin", "data.bin.gz",
                URI.create("https://example.invalid/toy/data.bin.gz"), sha256(CONTENT).toUpperCase());
    }

    private static String[] cacheEntries(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void fetchesFromFileUrlMirrorDecompressesVerifiesAndCaches() throws IOException {
        DatasetResolver resolver = DatasetResolver.create(cache, mirrorDir.toUri().toString());

        Path resolved = resolver.resolve(file);

        assertEquals(cache.resolve("toy/data.bin"), resolved);
        assertArrayEquals(CONTENT, Files.readAllBytes(resolved));
        assertArrayEquals(new String[] {"data.bin"}, cacheEntries(cache.resolve("toy")), "no temporary files left");
    }

    @Test
    void secondResolveUsesCacheWithoutTheMirror() throws IOException {
        DatasetResolver resolver = DatasetResolver.create(cache, mirrorDir.toUri().toString());
        Path first = resolver.resolve(file);
        Files.delete(mirrorDir.resolve("toy/data.bin.gz"));

        assertEquals(first, resolver.resolve(file));
        assertArrayEquals(CONTENT, Files.readAllBytes(first));
    }

    @Test
    void corruptCachedCopyIsReplaced() throws IOException {
        DatasetResolver resolver = DatasetResolver.create(cache, mirrorDir.toString());
        Files.createDirectories(cache.resolve("toy"));
        Files.writeString(cache.resolve("toy/data.bin"), "half a download");

        assertArrayEquals(CONTENT, Files.readAllBytes(resolver.resolve(file)));
    }

    @Test
    void plainPathMirrorAndUncompressedRemoteWork() throws IOException {
        Files.write(mirrorDir.resolve("toy/data.raw"), CONTENT);
        RemoteFile raw = new RemoteFile("toy", "data.bin", "data.raw", file.canonicalUrl(), file.sha256());
        DatasetResolver resolver = DatasetResolver.create(cache, mirrorDir.toString());

        assertArrayEquals(CONTENT, Files.readAllBytes(resolver.resolve(raw)));
    }

    @Test
    void checksumMismatchIsRejectedAndLeavesNothingInCache() throws IOException {
        Files.write(mirrorDir.resolve("toy/data.bin.gz"), gzip("tampered".getBytes(StandardCharsets.UTF_8)));
        DatasetResolver resolver = DatasetResolver.create(cache, mirrorDir.toUri().toString());

        IOException e = assertThrows(IOException.class, () -> resolver.resolve(file));

        String message = e.getMessage();
        assertTrue(message.contains("checksum mismatch for " + resolver.urlFor(file)), message);
        assertTrue(message.contains("expected SHA-256 " + file.sha256()), message);
        assertTrue(message.contains("--data-mirror / ACTIVATIONLAB_MIRROR"), message);
        assertFalse(Files.exists(cache.resolve("toy/data.bin")));
        assertArrayEquals(new String[0], cacheEntries(cache.resolve("toy")), "temporary file removed");
    }

    @Test
    void missingMirrorFileNamesTheUrlAndHowToChangeIt() throws IOException {
        Files.delete(mirrorDir.resolve("toy/data.bin.gz"));
        DatasetResolver resolver = DatasetResolver.create(cache, mirrorDir.toUri().toString());

        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> resolver.resolve(file));

        String url = mirrorDir.toUri() + "toy/data.bin.gz";
        assertTrue(e.getMessage().contains(url), e.getMessage());
        assertTrue(e.getMessage().contains("ACTIVATIONLAB_MIRROR") && e.getMessage().contains("--data-mirror"));
        assertArrayEquals(new String[0], cacheEntries(cache.resolve("toy")));
    }

    @Test
    void fetchesOverHttpAndReportsMissingFilesWithTheUrl() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path served = mirrorDir.resolve(exchange.getRequestURI().getPath().substring(1));
            if (Files.isRegularFile(served)) {
                byte[] body = Files.readAllBytes(served);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.start();
        try {
            String base = "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
            DatasetResolver resolver = DatasetResolver.create(cache, base);
            assertArrayEquals(CONTENT, Files.readAllBytes(resolver.resolve(file)));

            RemoteFile absent = new RemoteFile("toy", "other.bin", "other.bin.gz", file.canonicalUrl(), file.sha256());
            DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> resolver.resolve(absent));
            assertTrue(e.getMessage().contains(base + "/toy/other.bin.gz"), e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void urlsUnderMirrorOrCanonical() {
        DatasetResolver mirrored = DatasetResolver.create(cache, "https://mirror.example/data");
        assertEquals(URI.create("https://mirror.example/data/toy/data.bin.gz"), mirrored.urlFor(file));
        DatasetResolver canonical = DatasetResolver.create(cache, null, key -> null, key -> null);
        assertEquals(Optional.empty(), canonical.mirror());
        assertEquals(file.canonicalUrl(), canonical.urlFor(file));
        assertTrue(canonical.describe().startsWith("no mirror"), canonical.describe());
        assertEquals("mirror https://mirror.example/data/, cache " + cache.toAbsolutePath(), mirrored.describe());
    }

    @Test
    void relativePathMirrorResolvesAgainstWorkingDirectory() {
        DatasetResolver resolver = DatasetResolver.create(cache, "some/dir");
        URI expected = Path.of("some/dir").toAbsolutePath().toUri();
        assertEquals(expected.toString().replaceAll("/?$", "/"), resolver.mirror().orElseThrow().toString());
    }

    @Test
    void configurationPrecedenceIsExplicitThenPropertyThenEnvironmentThenDefault() {
        Map<String, String> properties = Map.of("user.home", "/home/u",
                "activationlab.cache", "/prop/cache", "activationlab.mirror", "file:/prop/mirror");
        Map<String, String> environment = Map.of(
                "ACTIVATIONLAB_CACHE", "/env/cache", "ACTIVATIONLAB_MIRROR", "/env/mirror");

        DatasetResolver explicit = DatasetResolver.create(Path.of("/x/cache"), "/x/mirror",
                properties::get, environment::get);
        assertEquals(Path.of("/x/cache"), explicit.cacheDir());
        assertEquals("file:///x/mirror/", explicit.mirror().orElseThrow().toString());

        DatasetResolver fromProperties = DatasetResolver.create(null, null, properties::get, environment::get);
        assertEquals(Path.of("/prop/cache"), fromProperties.cacheDir());
        assertEquals("file:/prop/mirror/", fromProperties.mirror().orElseThrow().toString());

        DatasetResolver fromEnvironment = DatasetResolver.create(null, " ",
                Map.of("user.home", "/home/u")::get, environment::get);
        assertEquals(Path.of("/env/cache"), fromEnvironment.cacheDir());
        assertEquals("file:///env/mirror/", fromEnvironment.mirror().orElseThrow().toString());

        DatasetResolver defaults = DatasetResolver.create(null, null, Map.of("user.home", "/home/u")::get,
                key -> null);
        assertEquals(Path.of("/home/u/.cache/activation-lab"), defaults.cacheDir());
        assertTrue(defaults.mirror().isEmpty());
    }

    @Test
    void rejectsUnsupportedMirrorSchemes() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> DatasetResolver.create(cache, "ftp://host/data")).getMessage();
        assertTrue(message.contains("ftp://host/data") && message.contains("file:, http: or https:"), message);
        assertThrows(IllegalArgumentException.class, () -> DatasetResolver.create(cache, "file://host/data"));
    }

    @Test
    void archivesAreVerifiedAndCachedAsDownloadedFromTheMirrorRoot() throws Exception {
        // Gzip bytes on purpose: an archive must be kept compressed, unlike an MNIST-style file.
        byte[] archiveBytes = gzip(CONTENT);
        Files.write(mirrorDir.resolve("bundle.tar.gz"), archiveBytes);
        RemoteFile archive = RemoteFile.archive("bundle", "bundle.tar.gz", "bundle.tar.gz", null, sha256(archiveBytes));
        DatasetResolver resolver = DatasetResolver.create(cache, mirrorDir.toUri().toString());

        assertEquals(URI.create(mirrorDir.toUri() + "bundle.tar.gz"), resolver.urlFor(archive));
        Path resolved = resolver.resolve(archive);

        assertEquals(cache.resolve("bundle/bundle.tar.gz"), resolved);
        assertArrayEquals(archiveBytes, Files.readAllBytes(resolved));
        assertArrayEquals(new String[] {"bundle.tar.gz"}, cacheEntries(cache.resolve("bundle")));
    }

    @Test
    void archiveChecksumMismatchIsRejectedAndLeavesNothingInCache() throws Exception {
        Files.write(mirrorDir.resolve("bundle.tar.gz"), gzip(CONTENT));
        // The checksum of the uncompressed content, which a verbatim archive must not be matched against.
        RemoteFile archive = RemoteFile.archive("bundle", "bundle.tar.gz", "bundle.tar.gz",
                URI.create("https://example.invalid/bundle.tar.gz"), sha256(CONTENT));
        DatasetResolver resolver = DatasetResolver.create(cache, mirrorDir.toUri().toString());

        IOException e = assertThrows(IOException.class, () -> resolver.resolve(archive));

        assertTrue(e.getMessage().startsWith("checksum mismatch for " + mirrorDir.toUri() + "bundle.tar.gz: expected"
                + " SHA-256 " + archive.sha256() + " of bundle.tar.gz as downloaded, got "
                + sha256(Files.readAllBytes(mirrorDir.resolve("bundle.tar.gz")))), e.getMessage());
        assertTrue(e.getMessage().contains("unset them to download from https://example.invalid/bundle.tar.gz"),
                e.getMessage());
        assertArrayEquals(new String[0], cacheEntries(cache.resolve("bundle")), "nothing cached, no temporary file");
    }

    @Test
    void mirrorOnlyFilesNeedAMirrorUnlessCached() throws Exception {
        Files.write(mirrorDir.resolve("bundle.tar.gz"), CONTENT);
        RemoteFile archive = RemoteFile.archive("bundle", "bundle.tar.gz", "bundle.tar.gz", null, sha256(CONTENT));
        DatasetResolver noMirror = DatasetResolver.create(cache, null, key -> null, key -> null);

        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> noMirror.resolve(archive));
        assertEquals("bundle.tar.gz has no verified copy in the cache (" + cache.resolve("bundle/bundle.tar.gz")
                + ") and no canonical download URL: it is only available from a data mirror such as ../shared/data."
                + " Point --data-mirror / ACTIVATIONLAB_MIRROR / -Dactivationlab.mirror at a mirror holding bundle.tar.gz",
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> noMirror.urlFor(archive));

        Path cached = DatasetResolver.create(cache, mirrorDir.toString()).resolve(archive);
        assertEquals(cached, noMirror.resolve(archive));

        Files.delete(mirrorDir.resolve("bundle.tar.gz"));
        Files.delete(cached);
        DatasetNotFoundException absent = assertThrows(DatasetNotFoundException.class,
                () -> DatasetResolver.create(cache, mirrorDir.toString()).resolve(archive));
        assertTrue(absent.getMessage().contains("must hold bundle.tar.gz. Change it with --data-mirror"
                + " / ACTIVATIONLAB_MIRROR / -Dactivationlab.mirror (bundle.tar.gz has no canonical download)"),
                absent.getMessage());
    }

    @Test
    void resolveExtractedUsesAFolderNamedAfterTheChecksum() throws Exception {
        Path tarGz = new TarFiles().file("inner/x.txt", CONTENT).writeTarGz(mirrorDir.resolve("sub/bundle.tar.gz"));
        String sha256 = sha256(Files.readAllBytes(tarGz));
        RemoteFile archive = RemoteFile.archive("bundle", "bundle.tar.gz", "sub/bundle.tar.gz", null, sha256);
        DatasetResolver resolver = DatasetResolver.create(cache, mirrorDir.toString());

        Path extracted = resolver.resolveExtracted(archive);

        assertEquals(cache.resolve("bundle/bundle-" + sha256.substring(0, 12)), extracted);
        assertEquals(extracted, resolver.extractionPath(archive));
        assertArrayEquals(CONTENT, Files.readAllBytes(extracted.resolve("inner/x.txt")));
        assertEquals(extracted, resolver.resolveExtracted(archive));
    }

    @Test
    void remoteFileMirrorPathsMustStayUnderTheMirror() {
        URI url = URI.create("https://example.invalid/x");
        String sha = file.sha256();
        assertEquals("a/b.tar.gz", RemoteFile.archive("d", "b.tar.gz", "a/b.tar.gz", url, sha).mirrorPath());
        assertEquals("b.tar.gz", RemoteFile.archive("d", "b.tar.gz", "a/b.tar.gz", url, sha).remoteName());
        for (String bad : new String[] {"../x", "/x", "a//b", "a/", "a/../b", ""}) {
            assertThrows(IllegalArgumentException.class, () -> RemoteFile.archive("d", "f", bad, url, sha), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new RemoteFile("d", "f", "a/b", url, sha));
        assertEquals("toy/data.bin.gz", file.mirrorPath());
        assertFalse(file.verbatim());
    }

    @Test
    void remoteFileRejectsUnsafeNamesAndBadHashes() {
        URI url = URI.create("https://example.invalid/x");
        assertThrows(IllegalArgumentException.class, () -> new RemoteFile("..", "a", "a", url, file.sha256()));
        assertThrows(IllegalArgumentException.class, () -> new RemoteFile("d", "a/b", "a", url, file.sha256()));
        assertThrows(IllegalArgumentException.class, () -> new RemoteFile("d", "a", "a", url, "abc"));
    }
}
