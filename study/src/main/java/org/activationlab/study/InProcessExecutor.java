package org.activationlab.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.activationlab.tf.IntraOpPools;

/**
 * Runs a grid's cells in this JVM: {@link WorkerCount} workers, each taking the next cell when its run ends, all
 * sharing the prepared data. With several workers every line of a run is prefixed with {@code [run k/n]}.
 */
public final class InProcessExecutor implements GridExecutor {

    /** The name on the command line. */
    public static final String NAME = "in-process";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public <D> void execute(GridJob<D> job, List<GridCell> cells, GridListener listener) {
        if (cells.isEmpty()) {
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        WorkerCount count = WorkerCount.choose(job.execution().workers(), cells.size(),
                job.experiment().bytesPerRun(job.data()), cores, RunMemory.available(), job.settings().deterministic(),
                job.settings().threshold() != null);
        job.log("activation-lab: " + count.line());
        String pools = IntraOpPools.process().sideBySideNote(count.workers());
        if (pools != null) {
            job.log("activation-lab: " + pools);
        }
        Queue<GridCell> queue = new ConcurrentLinkedQueue<>(cells);
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        Runnable worker = () -> {
            GridCell cell;
            while (fatal.get() == null && (cell = queue.poll()) != null) {
                Consumer<String> log = count.workers() == 1 ? job::log
                        : prefixed("[run " + cell.position() + "/" + cell.count() + "] ", job::log);
                try {
                    job.train(cell, count.threadsPerRun(), log, listener);
                } catch (RuntimeException | Error e) {
                    fatal.compareAndSet(null, e);
                }
            }
        };
        if (count.workers() == 1) {
            worker.run();
        } else {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < count.workers(); i++) {
                Thread t = new Thread(worker, "study-worker-" + (i + 1));
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fatal.compareAndSet(null, new IllegalStateException("interrupted while runs were training; the"
                            + " finished ones are recorded", e));
                }
            }
        }
        Throwable t = fatal.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    private static Consumer<String> prefixed(String prefix, Consumer<String> log) {
        return line -> log.accept(prefix + line);
    }
}
