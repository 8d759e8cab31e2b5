package org.activationlab.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorkerCountTest {

    private static final long MIB = 1L << 20;

    @Test
    void oneWorkerPerCoreWithItsShareOfTheCores() {
        WorkerCount c = WorkerCount.choose(0, 30, 512 * MIB, 8, 64_000 * MIB, false, false);
        assertEquals(8, c.workers());
        assertEquals(1, c.threadsPerRun());
        assertEquals("8 workers (default: one per core, 8 cores), each TensorFlow session with 1 intra-op thread and"
                + " 1 inter-op thread", c.line());
        WorkerCount four = WorkerCount.choose(4, 30, 512 * MIB, 8, 64_000 * MIB, false, false);
        assertEquals(2, four.threadsPerRun());
    }

    @Test
    void workersThatWouldNotFitInMemoryAreNotStarted() {
        // a CIFAR-10 run: about 870 MiB; 2,000 MiB available, 80% of it usable: one run fits
        WorkerCount c = WorkerCount.choose(0, 6, 870 * MIB, 2, 2_000 * MIB, false, false);
        assertEquals(1, c.workers());
        assertEquals(0, c.threadsPerRun(), "a run alone keeps TensorFlow's default pools");
        assertEquals("1 worker (default: one per core, 2 cores), TensorFlow's default thread pools; 1 instead of 2"
                + " because a run needs about 870 MiB and 2,000 MiB of memory is available (80% of it used)",
                c.line());
        assertEquals(1, WorkerCount.choose(3, 6, 870 * MIB, 2, 100 * MIB, false, false).workers(), "at least one");
    }

    @Test
    void noMoreWorkersThanRuns() {
        assertEquals(2, WorkerCount.choose(0, 2, 512 * MIB, 16, 64_000 * MIB, false, false).workers());
        assertEquals(8, WorkerCount.choose(0, 2, 512 * MIB, 16, 64_000 * MIB, false, false).threadsPerRun());
    }

    @Test
    void readsMemAvailable() {
        assertEquals(22_603L * 1024 * 1024, RunMemory.parseMemAvailable("MemTotal:       24683520 kB\nMemFree:"
                + "        18572288 kB\nMemAvailable:   23145472 kB\n").getAsLong());
        assertEquals(false, RunMemory.parseMemAvailable("MemTotal: 1 kB\n").isPresent());
    }

    @Test
    void aStudyThatTimesItsRunsRunsThemOneAtATimeUnlessAsked() {
        WorkerCount timed = WorkerCount.choose(0, 30, 512 * MIB, 2, 64_000 * MIB, false, true);
        assertEquals(1, timed.workers());
        assertEquals(0, timed.threadsPerRun(), "alone: TensorFlow's default pools");
        assertTrue(timed.line().contains("one at a time, so that the timings are not made on shared cores"),
                timed.line());
        assertEquals(2, WorkerCount.choose(2, 30, 512 * MIB, 2, 64_000 * MIB, false, true).workers());
    }
}
