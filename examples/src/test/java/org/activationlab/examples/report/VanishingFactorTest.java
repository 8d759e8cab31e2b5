package org.activationlab.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VanishingFactorTest {

    @Test
    void aGeometricDecayTowardsTheInputGivesItsRatio() {
        // layer 1 (input side) is on another scale and left out of the fit
        double[] norms = {42, 0.25 * 0.25 * 0.25, 0.25 * 0.25, 0.25, 1};
        assertEquals(0.25, VanishingGradientsReport.factor(norms), 1e-12);
    }

    @Test
    void growthGivesAFactorAboveOneAndAZeroNormNone() {
        assertEquals(2, VanishingGradientsReport.factor(new double[] {1, 8, 4, 2, 1}), 1e-12);
        assertTrue(Double.isNaN(VanishingGradientsReport.factor(new double[] {1, 1, 0, 1})));
    }
}
