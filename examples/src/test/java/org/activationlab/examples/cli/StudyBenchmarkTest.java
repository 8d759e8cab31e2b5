package org.activationlab.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.activationlab.examples.bench.Timings;
import org.junit.jupiter.api.Test;

class StudyBenchmarkTest {

    @Test
    void speedUpIsTheRatioOfMediansWithThePerRoundSpread() {
        // medians 3.0 and 1.0; the rounds' ratios are 2.0, 4.0 and 1.5
        assertEquals("2 workers: 3.00x (median / median); per round min 1.50x, median 2.00x, max 4.00x",
                StudyBenchmark.speedUp("2 workers", Timings.of(2, 4, 3), Timings.of(1, 1, 2)));
    }
}
