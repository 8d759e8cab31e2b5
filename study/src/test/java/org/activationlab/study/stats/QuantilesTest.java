package org.activationlab.study.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void linearInterpolationBetweenOrderStatistics() {
        // R: quantile(c(10, 20, 30, 40), c(.25, .5, .75)) = 17.5 25 32.5
        Quantiles q = Quantiles.of(new double[] {40, 10, 30, 20});
        assertEquals(17.5, q.q1(), 1e-12);
        assertEquals(25, q.median(), 1e-12);
        assertEquals(32.5, q.q3(), 1e-12);
        assertEquals(4, q.n());
    }

    @Test
    void censoredRunsCountAsBeyondTheBudget() {
        double inf = Double.POSITIVE_INFINITY;
        Quantiles someNever = Quantiles.of(new double[] {5, 7, 9, inf, inf});
        assertEquals(9, someNever.median(), 0);
        assertEquals(inf, someNever.q3(), 0);
        assertEquals(inf, Quantiles.of(new double[] {5, inf, inf}).median(), 0);
    }

    @Test
    void rejectsNaNAndEmptyInput() {
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[] {1, Double.NaN}));
    }
}
