package org.activationlab.study;

import java.util.Locale;

/**
 * How many runs of a study train side by side in one JVM, and with how many TensorFlow threads each: as many as
 * there are cores (one run does not keep two cores busy), fewer if their memory would not fit.
 *
 * @param workers runs side by side, >= 1
 * @param threadsPerRun each session's intra-op threads (inter-op 1), 0 for TensorFlow's default pools (one worker)
 * @param line one line for the log saying how many and why
 */
public record WorkerCount(int workers, int threadsPerRun, String line) {

    /** The share of the available memory that parallel runs may take, leaving room for the rest of the machine. */
    static final double MEMORY_SHARE = 0.8;

    public WorkerCount {
        if (workers < 1 || threadsPerRun < 0) {
            throw new IllegalArgumentException("workers must be >= 1 and threads >= 0, got " + workers + " and "
                    + threadsPerRun);
        }
    }

    /**
     * The workers for {@code runs} runs needing {@code bytesPerRun} each: {@code requested} (0: one per core),
     * at most one per run and at most as many as fit in {@link #MEMORY_SHARE} of {@code availableBytes}; always at
     * least one. A study that times its runs ({@code timed}: time to accuracy, inference timings) runs one at a
     * time unless {@code requested} says otherwise, so that its timings are not made on shared cores.
     */
    public static WorkerCount choose(int requested, int runs, long bytesPerRun, int cores, long availableBytes,
            boolean deterministic, boolean timed) {
        int byDefault = timed ? 1 : cores;
        int wanted = Math.max(1, Math.min(requested > 0 ? requested : byDefault, runs));
        long fit = Math.max(1, (long) (availableBytes * MEMORY_SHARE) / Math.max(1, bytesPerRun));
        int workers = (int) Math.min(wanted, fit);
        int threads = workers > 1 ? Math.max(1, cores / workers) : 0;
        StringBuilder line = new StringBuilder().append(workers).append(workers == 1 ? " worker" : " workers")
                .append(requested > 0 ? " (--workers " + requested + ")" : timed ? " (default for a study that"
                        + " times its runs: one at a time, so that the timings are not made on shared cores; --workers"
                        + " N overrides)" : " (default: one per core, " + cores + " cores)");
        if (deterministic) {
            line.append(", each TensorFlow session single-threaded (--deterministic)");
        } else if (workers > 1) {
            line.append(", each TensorFlow session with ").append(threads).append(threads == 1 ? " intra-op thread"
                    : " intra-op threads").append(" and 1 inter-op thread");
        } else {
            line.append(", TensorFlow's default thread pools");
        }
        if (workers < wanted) {
            line.append(String.format(Locale.ROOT, "; %d instead of %d because a run needs about %,d MiB and %,d MiB"
                    + " of memory is available (%.0f%% of it used)", workers, wanted, bytesPerRun >> 20,
                    availableBytes >> 20, MEMORY_SHARE * 100));
        }
        return new WorkerCount(workers, threads, line.toString());
    }
}
