package org.activationlab.study;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.activationlab.data.Dataset;

/** Estimates of the memory a run needs and the memory this machine has free. */
public final class RunMemory {

    /** A run's memory unless its experiment says otherwise: an MNIST run's graph and buffers, with room to spare. */
    public static final long DEFAULT_BYTES = 512L << 20;
    /** What TensorFlow needs besides the data in a graph: kernels' scratch space, the runtime, evaluation batches. */
    public static final long OVERHEAD_BYTES = 256L << 20;
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private RunMemory() {
    }

    /** A run that uploads {@code datasets} (features and labels) into its graph. */
    public static long uploading(Dataset... datasets) {
        long bytes = OVERHEAD_BYTES;
        for (Dataset d : datasets) {
            if (d != null) {
                bytes += 4L * d.features().length + 4L * d.labels().length;
            }
        }
        return bytes;
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
