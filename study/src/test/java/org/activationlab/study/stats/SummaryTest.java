package org.activationlab.study.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SummaryTest {

    // Expected values computed independently with Python 3.11, NumPy 2.4.6 and SciPy 1.17.1:
    //   x = np.array(values); m = x.mean(); s = x.std(ddof=1)
    //   stats.t.interval(0.95, len(x) - 1, loc=m, scale=s / np.sqrt(len(x)))
    // (t quantiles t(0.975, 4) = 2.7764451051977934, t(0.975, 3) = 3.1824463052837078.)
    private static final double TOLERANCE = 1e-12;

    @Test
    void meanSampleSdAndTIntervalMatchScipy() {
        Summary s = Summary.of(new double[] {0.9741, 0.9736, 0.9748, 0.9744, 0.9739});
        assertEquals(5, s.n());
        assertEquals(0.97416, s.mean(), TOLERANCE);
        assertEquals(0.00046151923036857515, s.sd(), TOLERANCE);
        assertEquals(0.9735869481871726, s.ciLow(), TOLERANCE);
        assertEquals(0.9747330518128274, s.ciHigh(), TOLERANCE);
        assertTrue(s.hasInterval());
    }

    @Test
    void intervalOfFourRunsUsesThreeDegreesOfFreedom() {
        Summary s = Summary.of(new double[] {0.9762, 0.9771, 0.9755, 0.9768});
        assertEquals(0.9764, s.mean(), TOLERANCE);
        assertEquals(0.0007071067811865271, s.sd(), TOLERANCE);
        assertEquals(0.9752748353183859, s.ciLow(), TOLERANCE);
        assertEquals(0.977525164681614, s.ciHigh(), TOLERANCE);
    }

    @Test
    void formatShowsMeanSdIntervalAndRunCount() {
        Summary s = Summary.of(new double[] {0.9741, 0.9736, 0.9748, 0.9744, 0.9739});
        assertEquals("0.9742 ± 0.0005 (95% CI 0.9736–0.9747, n=5)", s.format("%.4f"));
    }

    @Test
    void oneRunHasNoSdAndNoInterval() {
        Summary s = Summary.of(new double[] {0.9741});
        assertEquals(1, s.n());
        assertEquals(0.9741, s.mean());
        assertTrue(Double.isNaN(s.sd()));
        assertTrue(Double.isNaN(s.ciLow()));
        assertTrue(Double.isNaN(s.ciHigh()));
        assertFalse(s.hasInterval());
        assertEquals("0.9741 (n=1, no interval)", s.format("%.4f"));
    }

    @Test
    void identicalRunsHaveZeroSdAndAPointInterval() {
        Summary s = Summary.of(new double[] {0.975, 0.975, 0.975});
        assertEquals(0.0, s.sd());
        assertEquals(0.975, s.ciLow(), TOLERANCE);
        assertEquals(0.975, s.ciHigh(), TOLERANCE);
    }

    @Test
    void rejectsNaNSayingWhichValueAndWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Summary.of(new double[] {0.97, Double.NaN, 0.98}));
        assertEquals("value 1 of 3 is NaN; leave diverged runs out before computing statistics", e.getMessage());
    }

    @Test
    void rejectsInfinityAndNoValues() {
        assertThrows(IllegalArgumentException.class,
                () -> Summary.of(new double[] {0.97, Double.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> Summary.of(new double[0]));
    }

    @Test
    void boundedFormatClipsTheIntervalToTheQuantitysRange() {
        // fractions 0.0, 0.0, 0.06: mean 0.02, t interval about -0.066 to 0.106
        Summary s = Summary.of(new double[] {0, 0, 0.06});
        assertEquals("2.0% (0.0%–10.6%)", s.formatBounded("%.1f%%", 100, 100));
        assertEquals(s.ciHigh(), s.upperOrMean(), 0);
        assertEquals("0.500", Summary.of(new double[] {0.5}).formatBounded("%.3f", 1, 1));
        assertEquals(0.5, Summary.of(new double[] {0.5}).lowerOrMean(), 0);
    }
}
