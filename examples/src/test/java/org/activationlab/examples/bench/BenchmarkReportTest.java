package org.activationlab.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {

    private static BenchmarkReport report() {
        Map<String, Timings> timings = new LinkedHashMap<>();
        timings.put("DSL", Timings.of(1.0, 1.2, 1.1));
        timings.put("raw baseline", Timings.of(2.2, 2.0, 2.4));
        return new BenchmarkReport("title", "setup", timings, Map.of("DSL", 0.91234, "raw baseline", 0.9),
                "test acc", "raw baseline");
    }

    @Test
    void formatsMedianMinMaxAndRatioToTheBaseline() {
        assertEquals(List.of(
                "variant        median s/ep       min       max  vs base   test acc",
                "DSL                  1.100     1.000     1.200    0.50x     0.9123",
                "raw baseline         2.200     2.000     2.400    1.00x     0.9000"), report().tableLines());
    }

    @Test
    void layoutDoesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("DSL                  1.100     1.000     1.200    0.50x     0.9123", report().tableLines().get(1));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void addsTheEnvironment() {
        List<String> lines = report().lines(OptionalLong.of(1_048_576), "2.18.0", "Some CPU", 2);
        assertEquals("title", lines.get(0));
        assertEquals("setup", lines.get(1));
        assertEquals("JVM peak RSS (VmHWM): 1024 MiB (1048576 kB)", lines.get(lines.size() - 2));
        assertEquals("TensorFlow 2.18.0; CPU Some CPU; 2 available processors", lines.get(lines.size() - 1));
        assertEquals("JVM peak RSS (VmHWM): unavailable (no /proc/self/status)",
                report().lines(OptionalLong.empty(), "x", "y", 1).get(lines.size() - 2));
    }

    @Test
    void baselineMustBeAVariant() {
        assertThrows(IllegalArgumentException.class, () -> new BenchmarkReport("t", "s",
                Map.of("a", Timings.of(1)), Map.of(), "acc", "b"));
    }
}
