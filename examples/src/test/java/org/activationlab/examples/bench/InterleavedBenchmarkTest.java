package org.activationlab.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.activationlab.data.Dataset;
import org.junit.jupiter.api.Test;

class InterleavedBenchmarkTest {

    /** Records the order of calls and returns seconds = its index + the seed / 10. */
    private record Fake(String name, int index, List<String> calls) implements BenchVariant {
        @Override
        public double trainEpochSeconds(long seed) {
            calls.add(name + seed);
            return index + seed / 10.0;
        }

        @Override
        public double accuracy(Dataset data) {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void warmsUpOnceThenInterleavesRoundsInRotatingOrder() {
        List<String> calls = new ArrayList<>();
        List<String> progress = new ArrayList<>();
        List<Fake> variants = List.of(new Fake("a", 0, calls), new Fake("b", 1, calls), new Fake("c", 2, calls));
        Map<String, Timings> t = InterleavedBenchmark.run(variants, 3, progress::add);
        assertEquals(List.of("a0", "b0", "c0", "a1", "b1", "c1", "b2", "c2", "a2", "c3", "a3", "b3"), calls);
        assertEquals(List.of("a", "b", "c"), List.copyOf(t.keySet()));
        assertEquals(List.of(1.1, 1.2, 1.3), t.get("b").seconds());
        assertEquals(List.of("warm-up: a 0.000 s; b 1.000 s; c 2.000 s", "round 1/3: a 0.100 s; b 1.100 s; c 2.100 s",
                "round 2/3: a 0.200 s; b 1.200 s; c 2.200 s", "round 3/3: a 0.300 s; b 1.300 s; c 2.300 s"), progress);
    }

    @Test
    void rejectsNoRoundsAndDuplicateNames() {
        List<String> calls = new ArrayList<>();
        assertThrows(IllegalArgumentException.class,
                () -> InterleavedBenchmark.run(List.of(new Fake("a", 0, calls)), 0, s -> { }));
        assertThrows(IllegalArgumentException.class, () -> InterleavedBenchmark.run(
                List.of(new Fake("a", 0, calls), new Fake("a", 1, calls)), 1, s -> { }));
    }
}
