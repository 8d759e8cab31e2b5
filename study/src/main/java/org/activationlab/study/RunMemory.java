package org.activationlab.study;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Estimates of the memory a run needs and the memory this machine has free. */
public final class RunMemory {

    /** A run's memory unless its experiment says otherwise: an MNIST run's graph and buffers, with room to spare. */
    public static final long DEFAULT_BYTES = 512L << 20;
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private RunMemory() {
    }

    /**
     * The memory available to new processes and threads: Linux's MemAvailable (free plus reclaimable caches), else
     * the free physical memory the JVM reports.
     */
    public static long available() {
        OptionalLong meminfo = memAvailable();
        if (meminfo.isPresent()) {
            return meminfo.getAsLong();
        }
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getFreeMemorySize();
    }

    private static OptionalLong memAvailable() {
        try {
            return parseMemAvailable(Files.readString(MEMINFO));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** MemAvailable of a /proc/meminfo text, in bytes. */
    static OptionalLong parseMemAvailable(String meminfo) {
        return meminfo.lines().filter(l -> l.startsWith("MemAvailable:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).findFirst();
    }
}
