package org.activationlab.tf.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A hand-computed fixture: 8 examples of 3 classes, class 2 never predicted (so its precision hits the
 * zero-division rule). Rows are true classes: [[3, 1, 0], [0, 2, 0], [1, 1, 0]].
 */
class ConfusionMatrixTest {

    private static final int[] TRUTH = {0, 0, 0, 0, 1, 1, 2, 2};
    private static final int[] PREDICTED = {0, 0, 0, 1, 1, 1, 0, 1};

    private final ConfusionMatrix m = ConfusionMatrix.of(3, TRUTH, PREDICTED);

    @Test
    void countsFollowTrueRowsAndPredictedColumns() {
        assertArrayEquals(new long[] {3, 1, 0}, m.counts()[0]);
        assertArrayEquals(new long[] {0, 2, 0}, m.counts()[1]);
        assertArrayEquals(new long[] {1, 1, 0}, m.counts()[2]);
        assertEquals(8, m.total());
    }

    @Test
    void perClassMetricsMatchHandComputedValues() {
        assertEquals(5.0 / 8, m.accuracy(), 1e-12);
        assertEquals(3.0 / 4, m.precision(0), 1e-12);
        assertEquals(2.0 / 4, m.precision(1), 1e-12);
        assertEquals(0.0, m.precision(2), 1e-12, "never predicted: zero-division rule gives 0");
        assertEquals(3.0 / 4, m.recall(0), 1e-12);
        assertEquals(1.0, m.recall(1), 1e-12);
        assertEquals(0.0, m.recall(2), 1e-12);
        assertEquals(0.75, m.f1(0), 1e-12);
        assertEquals(2 * 0.5 * 1.0 / 1.5, m.f1(1), 1e-12);
        assertEquals(0.0, m.f1(2), 1e-12);
    }

    @Test
    void macroAveragesAreUnweightedMeansOfPerClassValues() {
        assertEquals((0.75 + 0.5 + 0.0) / 3, m.macroPrecision(), 1e-12);
        assertEquals((0.75 + 1.0 + 0.0) / 3, m.macroRecall(), 1e-12);
        assertEquals((0.75 + 2.0 / 3 + 0.0) / 3, m.macroF1(), 1e-12);
    }

    @Test
    void absentClassHasZeroRecallNotNaN() {
        ConfusionMatrix absent = ConfusionMatrix.of(3, new int[] {0, 1}, new int[] {0, 1});
        assertEquals(0.0, absent.recall(2));
        assertEquals(2.0 / 3, absent.macroRecall(), 1e-12);
    }

    @Test
    void rejectsLabelsOutOfRangeAndMismatchedLengths() {
        var e = assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(3, new int[] {0, 3}, new int[] {0, 0}));
        assertTrue(e.getMessage().contains("true 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(3, new int[] {0}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.ofCounts(new long[][] {{1, 2}, {3}}));
    }
}
