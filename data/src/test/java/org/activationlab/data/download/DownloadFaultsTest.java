package org.activationlab.data.download;

import static org.activationlab.data.idx.IdxFiles.gzip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.activationlab.data.DatasetException;
import org.activationlab.data.DatasetNotFoundException;
import org.activationlab.data.cache.LockHolder;
import org.activationlab.data.testing.FaultyServer;
import org.activationlab.data.testing.FaultyServer.Fault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads against a loopback HTTP server that stalls, truncates, corrupts, fails and crawls: each
 * failure must be one line naming the URL and the fix, within the configured timeout and retries,
 * and no temporary file may outlive the next successful run.
 */
@Timeout(60)
class DownloadFaultsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final int ATTEMPTS = 2;
    private static final Duration BACKOFF = Duration.ofMillis(50);
    private static final String PATH = "/toy/blob.bin";

    @TempDir
    Path tmp;
    Path cache;
    byte[] content;
    RemoteFile blob;

    @BeforeEach
    void setUp() throws Exception {
        cache = tmp.resolve("cache");
        content = new byte[300_000];
        new Random(12).nextBytes(content);
        blob = RemoteFile.archive("toy", "blob.bin", "toy/blob.bin", null, sha256(content));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private DatasetResolver resolver(FaultyServer server, DownloadListener listener) {
        return DatasetResolver.create(cache, server.base().toString(), key -> null, key -> null)
                .withDownloadSettings(DownloadSettings.defaults().withTimeout(TIMEOUT).withAttempts(ATTEMPTS)
                        .withBackoff(BACKOFF))
                .withListener(listener);
    }

    private DatasetResolver resolver(FaultyServer server) {
        return resolver(server, DownloadListener.NONE);
    }

    private List<String> cacheEntries() throws IOException {
        Path dir = cache.resolve("toy");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertOneLine(String message) {
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
    }

    @Test
    void defaultsGiveUpOnAStalledServerWithinTwoMinutes() {
        DownloadSettings d = DownloadSettings.defaults();
        long worstMillis = 0;
        long backoff = d.backoff().toMillis();
        for (int attempt = 1; attempt <= d.attempts(); attempt++) {
            worstMillis += d.connectTimeout().toMillis() + d.readTimeout().toMillis();
            if (attempt < d.attempts()) {
                worstMillis += backoff;
                backoff *= 2;
            }
        }
        // Each attempt may wait for the connection and then for data; a server that answers and then
        // stalls costs only the read timeout, so this bound is pessimistic.
        assertTrue(worstMillis < 120_000 + d.attempts() * d.connectTimeout().toMillis(), "worst case " + worstMillis);
        assertEquals(3 * 30_000 + 2_000 + 4_000, d.attempts() * d.readTimeout().toMillis() + 2_000 + 4_000);
    }

    @Test
    void stalledServerFailsWithinTimeoutAndRetriesThenTheNextRunResumesAndLeavesNoPart() throws Exception {
        try (FaultyServer stalling = new FaultyServer(PATH, content, i -> Fault.STALL_AFTER_HEADERS, 0)) {
            URI url = URI.create(stalling.base() + "toy/blob.bin");
            long start = System.nanoTime();
            DatasetException e = assertThrows(DatasetException.class, () -> resolver(stalling).resolve(blob));
            double seconds = (System.nanoTime() - start) / 1e9;

            // Two attempts of one read timeout each, plus the back-off, and some slack for a busy machine.
            assertTrue(seconds >= ATTEMPTS * TIMEOUT.toMillis() / 1000.0, "took " + seconds + " s");
            assertTrue(seconds < 10, "took " + seconds + " s");
            assertEquals(ATTEMPTS, stalling.requests());
            assertOneLine(e.getMessage());
            assertTrue(e.getMessage().startsWith("downloading " + url + " failed after 2 attempts (no data for 0.4 s"
                    + " after "), e.getMessage());
            assertTrue(e.getMessage().contains("read timeout"), e.getMessage());
            assertTrue(e.getMessage().contains("--data-mirror / ACTIVATIONLAB_MIRROR"), e.getMessage());
            assertTrue(e.getMessage().contains("or put blob.bin at " + cache.resolve("toy/blob.bin") + " by hand"),
                    e.getMessage());
            // The second attempt resumed after the first one's half.
            assertEquals(List.of("-", "bytes=" + content.length / 2 + "-"), stalling.ranges());
            assertTrue(e.getMessage().contains("are kept in " + cache.resolve("toy/blob.bin.download.part")
                    + " and resumed by the next run"), e.getMessage());
            assertEquals(List.of("blob.bin.download.part"), cacheEntries());
        }
        try (FaultyServer healthy = new FaultyServer(PATH, content, i -> Fault.NONE, 0)) {
            assertArrayEquals(content, Files.readAllBytes(resolver(healthy).resolve(blob)));
            assertEquals(1, healthy.requests());
            assertTrue(healthy.ranges().get(0).matches("bytes=\\d+-"), healthy.ranges().toString());
            assertEquals(List.of("blob.bin"), cacheEntries(), "no *.part or *.lock left");
        }
    }

    @Test
    void truncatedBodyIsResumedWithRange() throws Exception {
        try (FaultyServer server = new FaultyServer(PATH, content, i -> i == 0 ? Fault.TRUNCATE : Fault.NONE, 0)) {
            assertArrayEquals(content, Files.readAllBytes(resolver(server).resolve(blob)));
            assertEquals(List.of("-", "bytes=" + content.length / 2 + "-"), server.ranges());
            assertEquals(List.of("blob.bin"), cacheEntries());
        }
    }

    @Test
    void serverIgnoringRangeIsDownloadedFromTheStart() throws Exception {
        try (FaultyServer server = new FaultyServer(PATH, content,
                i -> i == 0 ? Fault.TRUNCATE : Fault.IGNORE_RANGE, 0)) {
            assertArrayEquals(content, Files.readAllBytes(resolver(server).resolve(blob)));
            assertEquals(2, server.requests());
            assertEquals(List.of("blob.bin"), cacheEntries());
        }
    }

    @Test
    void alwaysTruncatedBodyFailsNamingTheUrlAndKeepsThePartForResuming() throws Exception {
        try (FaultyServer server = new FaultyServer(PATH, content, i -> Fault.TRUNCATE, 0)) {
            DatasetException e = assertThrows(DatasetException.class, () -> resolver(server).resolve(blob));
            assertOneLine(e.getMessage());
            assertTrue(e.getMessage().startsWith("downloading " + server.base() + "toy/blob.bin failed after 2"
                    + " attempts (the body ended after "), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void serverErrorIsRetriedWithBackoff() throws Exception {
        try (FaultyServer server = new FaultyServer(PATH, content, i -> i == 0 ? Fault.SERVER_ERROR : Fault.NONE, 0)) {
            long start = System.nanoTime();
            assertArrayEquals(content, Files.readAllBytes(resolver(server).resolve(blob)));
            assertTrue(System.nanoTime() - start >= BACKOFF.toNanos(), "waited the back-off before retrying");
            assertEquals(2, server.requests());
        }
    }

    @Test
    void persistentServerErrorFailsAfterTheAttempts() throws Exception {
        try (FaultyServer server = new FaultyServer(PATH, content, i -> Fault.SERVER_ERROR, 0)) {
            DatasetException e = assertThrows(DatasetException.class, () -> resolver(server).resolve(blob));
            assertOneLine(e.getMessage());
            assertTrue(e.getMessage().startsWith("downloading " + server.base() + "toy/blob.bin failed after 2"
                    + " attempts (HTTP status 500 from the server); the mirror " + server.base()
                    + " must hold toy/blob.bin. Change it with --data-mirror / ACTIVATIONLAB_MIRROR"), e.getMessage());
            assertEquals(ATTEMPTS, server.requests());
            assertEquals(List.of(), cacheEntries());
        }
    }

    @Test
    void notFoundIsNotRetriedAndSaysWhereTheFileBelongs() throws Exception {
        try (FaultyServer server = new FaultyServer(PATH, content, i -> Fault.NOT_FOUND, 0)) {
            DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                    () -> resolver(server).resolve(blob));
            assertOneLine(e.getMessage());
            assertTrue(e.getMessage().startsWith("no blob.bin at " + server.base() + "toy/blob.bin; the mirror "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("; or put blob.bin at " + cache.resolve("toy/blob.bin")
                    + " by hand (it is checksum-verified)"), e.getMessage());
            assertEquals(1, server.requests());
        }
    }

    @Test
    void corruptBodyFailsTheChecksumAndLeavesNothing() throws Exception {
        try (FaultyServer server = new FaultyServer(PATH, content, i -> Fault.CORRUPT, 0)) {
            DatasetException e = assertThrows(DatasetException.class, () -> resolver(server).resolve(blob));
            assertOneLine(e.getMessage());
            assertTrue(e.getMessage().startsWith("checksum mismatch for " + server.base() + "toy/blob.bin: expected"
                    + " SHA-256 " + blob.sha256()), e.getMessage());
            assertEquals(List.of(), cacheEntries());
        }
    }

    @Test
    void corruptGzipNamesTheUrlAndTheFixAndLeavesNothing() throws Exception {
        byte[] raw = "IDX-like content\n".repeat(5000).getBytes(StandardCharsets.US_ASCII);
        byte[] gz = gzip(raw);
        RemoteFile data = new RemoteFile("toy", "data.bin", "data.bin.gz", URI.create("https://example.invalid/d.gz"),
                sha256(raw));
        try (FaultyServer server = new FaultyServer("/toy/data.bin.gz", gz, i -> Fault.CORRUPT, 0)) {
            DatasetException e = assertThrows(DatasetException.class, () -> resolver(server).resolve(data));
            assertOneLine(e.getMessage());
            assertTrue(e.getMessage().startsWith("data.bin.gz at " + server.base() + "toy/data.bin.gz is a corrupt or"
                    + " truncated gzip file ("), e.getMessage());
            assertTrue(e.getMessage().contains("or put the uncompressed data.bin at " + cache.resolve("toy/data.bin")
                    + " by hand"), e.getMessage());
            assertEquals(List.of(), cacheEntries());
        }
    }

    @Test
    void slowButSteadyServerIsNotTimedOut() throws Exception {
        // Pauses shorter than the read timeout, adding up to more than it: the timeout is per gap.
        try (FaultyServer server = new FaultyServer(PATH, content, i -> Fault.SLOW, TIMEOUT.toMillis() / 2)) {
            assertArrayEquals(content, Files.readAllBytes(resolver(server).resolve(blob)));
            assertEquals(1, server.requests());
        }
    }

    @Test
    void progressIsReportedToTheListener() throws Exception {
        List<String> events = new ArrayList<>();
        DownloadListener recorder = new DownloadListener() {
            @Override
            public void started(URI url, long offset, long total) {
                events.add("started " + offset + " " + total);
            }

            @Override
            public void transferred(URI url, long bytes) {
                if (bytes == content.length) {
                    events.add("all " + bytes);
                }
            }

            @Override
            public void ended(URI url) {
                events.add("ended");
            }
        };
        try (FaultyServer server = new FaultyServer(PATH, content, i -> i == 0 ? Fault.TRUNCATE : Fault.NONE, 0)) {
            resolver(server, recorder).resolve(blob);
        }
        int half = content.length / 2;
        assertEquals(List.of("started 0 " + content.length, "ended", "started " + half + " " + content.length,
                "all " + content.length, "ended"), events);
    }

    @Test
    void partsLeftByADeadProcessAreRemovedAndTheDownloadPartIsResumed() throws Exception {
        Path dir = Files.createDirectories(cache.resolve("toy"));
        Files.write(dir.resolve("blob.bin.3f2a9c1e-0000-4000-8000-000000000000.part"), new byte[1000]);
        Files.write(dir.resolve("blob.bin.part"), new byte[10]);
        Files.createDirectories(dir.resolve("blob.bin.x.part/inner"));
        Files.write(dir.resolve("blob.bin.download.part"), Arrays.copyOf(content, 1234));
        try (FaultyServer server = new FaultyServer(PATH, content, i -> Fault.NONE, 0)) {
            assertArrayEquals(content, Files.readAllBytes(resolver(server).resolve(blob)));
            assertEquals(List.of("bytes=1234-"), server.ranges());
        }
        assertEquals(List.of("blob.bin"), cacheEntries());
    }

    @Test
    void aPartThatALiveProcessIsWritingIsLeftAloneUntilItsLockIsGone() throws Exception {
        Path dir = Files.createDirectories(cache.resolve("toy"));
        Path livePart = Files.write(dir.resolve("blob.bin.0c8e6b52-aaaa-4bbb-8ccc-000000000000.part"), new byte[77]);
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
                dir.resolve("blob.bin").toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (FaultyServer server = new FaultyServer(PATH, content, i -> Fault.NONE, 0)) {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            CompletableFuture<Path> resolved = CompletableFuture.supplyAsync(() -> {
                try {
                    return resolver(server).resolve(blob);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThrows(TimeoutException.class, () -> resolved.get(500, TimeUnit.MILLISECONDS));
            assertTrue(Files.exists(livePart), "the live process's part is not touched");
            assertEquals(0, server.requests(), "nothing is downloaded while another process holds the target");

            holder.destroyForcibly().waitFor(); // the process dies: its part is now stale

            assertArrayEquals(content, Files.readAllBytes(resolved.get(20, TimeUnit.SECONDS)));
        } finally {
            holder.destroyForcibly();
        }
        assertEquals(List.of("blob.bin"), cacheEntries());
    }

    @Test
    void resumedBytesFromAnotherCopyAreDiscardedAndDownloadedAgain() throws Exception {
        Path dir = Files.createDirectories(cache.resolve("toy"));
        Files.write(dir.resolve("blob.bin.download.part"), new byte[1234]); // not a prefix of the content
        try (FaultyServer server = new FaultyServer(PATH, content, i -> Fault.NONE, 0)) {
            assertArrayEquals(content, Files.readAllBytes(resolver(server).resolve(blob)));
            assertEquals(List.of("bytes=1234-", "-"), server.ranges());
        }
        assertEquals(List.of("blob.bin"), cacheEntries());
    }

    @Test
    void concurrentResolvesDownloadOnceAndLeaveNoDebris() throws Exception {
        try (FaultyServer server = new FaultyServer(PATH, content, i -> Fault.SLOW, 50)) {
            DatasetResolver resolver = resolver(server);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Path>> results = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    results.add(pool.submit(() -> resolver.resolve(blob)));
                }
                for (Future<Path> result : results) {
                    assertArrayEquals(content, Files.readAllBytes(result.get()));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, server.requests());
        }
        assertEquals(List.of("blob.bin"), cacheEntries());
    }
}
