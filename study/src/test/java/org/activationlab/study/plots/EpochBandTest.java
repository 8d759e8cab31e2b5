package org.activationlab.study.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EpochBandTest {

    @Test
    void averagesOverTheSeedsThatHaveAFiniteValueAtEachEpoch() {
        EpochBand band = EpochBand.of("ReLU", new double[][] {
            {1.0, 2.0, 3.0, 4.0},
            {3.0, 4.0},
            {5.0, Double.NaN, Double.POSITIVE_INFINITY},
        });

        assertArrayEquals(new int[] {3, 2, 1, 1}, band.count());
        assertArrayEquals(new double[] {3.0, 3.0, 3.0, 4.0}, band.mean());
        assertArrayEquals(new double[] {1.0, 2.0, 3.0, 4.0}, band.min());
        assertArrayEquals(new double[] {5.0, 4.0, 3.0, 4.0}, band.max());
        assertArrayEquals(new double[] {1, 2, 3, 4}, band.epochNumbers());
    }

    @Test
    void theBandIsOnePolygonPerRunOfEpochsWithValues() {
        // epoch 2 has no finite value in any seed, so the band must not bridge it
        EpochBand band = EpochBand.of("Sigmoid", new double[][] {{1.0, Double.NaN, 2.0, 3.0}, {3.0, Double.NaN, 4.0}});

        List<double[][]> polygons = band.polygons();

        assertEquals(Double.NaN, band.mean()[1]);
        assertEquals(2, polygons.size());
        assertArrayEquals(new double[] {1, 1}, polygons.get(0)[0]);
        assertArrayEquals(new double[] {3.0, 1.0}, polygons.get(0)[1]);
        // upper edge left to right, then lower edge right to left
        assertArrayEquals(new double[] {3, 4, 4, 3}, polygons.get(1)[0]);
        assertArrayEquals(new double[] {4.0, 3.0, 3.0, 2.0}, polygons.get(1)[1]);
    }

    @Test
    void rejectsMissingSeeds() {
        assertThrows(IllegalArgumentException.class, () -> EpochBand.of("ReLU", new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> EpochBand.of("ReLU", new double[][] {{1.0}, null}));
    }
}
