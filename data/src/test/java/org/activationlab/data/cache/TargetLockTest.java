package org.activationlab.data.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The per-target lock against threads and against other processes, alive and killed. */
@Timeout(60)
class TargetLockTest {

    @TempDir
    Path tmp;

    private Process holder(Path target) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), target.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", out.readLine(), "the child process took the lock");
        return process;
    }

    private static CompletableFuture<TargetLock> acquireInBackground(Path target, AtomicInteger waits) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return TargetLock.acquire(target, waits::incrementAndGet);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void waitsForALiveProcessAndTakesOverWhenItIsKilled() throws Exception {
        Path target = tmp.resolve("blob.bin");
        Process process = holder(target);
        try {
            AtomicInteger waits = new AtomicInteger();
            CompletableFuture<TargetLock> acquired = acquireInBackground(target, waits);
            assertThrows(TimeoutException.class, () -> acquired.get(500, TimeUnit.MILLISECONDS),
                    "the lock of a live process is respected");
            assertEquals(1, waits.get(), "the waiter was told once why it waits");

            process.destroyForcibly().waitFor(); // kill -9: the operating system releases its lock

            try (TargetLock lock = acquired.get(20, TimeUnit.SECONDS)) {
                assertTrue(Files.exists(tmp.resolve("blob.bin.lock")));
            }
            assertEquals(List.of(), listing(), "the lock file is removed on release");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aReleasedLockLeavesNoFileAndCanBeTakenAgain() throws Exception {
        Path target = tmp.resolve("blob.bin");
        Process process = holder(target);
        AtomicInteger waits = new AtomicInteger();
        CompletableFuture<TargetLock> acquired = acquireInBackground(target, waits);
        process.getOutputStream().close(); // the child releases and exits
        assertEquals(0, process.waitFor());
        acquired.get(20, TimeUnit.SECONDS).close();
        try (TargetLock again = TargetLock.acquire(target, () -> { })) {
            assertEquals(List.of("blob.bin.lock"), listing());
        }
        assertEquals(List.of(), listing());
    }

    @Test
    void threadsOfOneProcessQueueInsteadOfFailing() throws Exception {
        Path target = tmp.resolve("blob.bin");
        AtomicInteger waits = new AtomicInteger();
        CompletableFuture<TargetLock> second;
        try (TargetLock first = TargetLock.acquire(target, () -> { })) {
            second = acquireInBackground(target, waits);
            assertThrows(TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS));
            assertThrows(IllegalStateException.class, () -> TargetLock.acquire(target, () -> { }),
                    "re-entering from the holding thread is a bug, not a wait forever");
        }
        second.get(10, TimeUnit.SECONDS).close();
        assertEquals(1, waits.get());
        assertEquals(List.of(), listing());
    }

    private List<String> listing() throws IOException {
        try (var entries = Files.list(tmp)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void failuresPropagate() {
        Path target = tmp.resolve("missing-folder/blob.bin");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> acquireInBackground(target, new AtomicInteger()).get(10, TimeUnit.SECONDS));
        assertFalse(e.getCause() == null);
    }
}
