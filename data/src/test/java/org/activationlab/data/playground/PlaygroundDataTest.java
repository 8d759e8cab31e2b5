package org.activationlab.data.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.activationlab.data.Dataset;
import org.activationlab.data.TrainTest;
import org.junit.jupiter.api.Test;

class PlaygroundDataTest {

    private static float x(Dataset d, int i) {
        return d.features()[2 * i];
    }

    private static float y(Dataset d, int i) {
        return d.features()[2 * i + 1];
    }

    @Test
    void producesTwoFeatureTwoClassDatasetsWithProvenance() {
        for (PlaygroundShape shape : PlaygroundShape.values()) {
            Dataset d = PlaygroundData.generate(shape, 500, 0.2, 7);
            assertEquals("playground-" + shape.cliName(), d.name());
            assertEquals(500, d.size());
            assertArrayEquals(new int[] {2}, d.sampleShape());
            assertEquals(List.of("negative", "positive"), d.classNames());
            String source = d.source();
            for (String part : List.of(shape.cliName(), "500 samples", "noise 0.2", "seed 7")) {
                assertTrue(source.contains(part), source + " lacks " + part);
            }
        }
    }

    @Test
    void sameSeedIsIdenticalAndOtherSeedDiffers() {
        for (PlaygroundShape shape : PlaygroundShape.values()) {
            Dataset first = PlaygroundData.generate(shape, 200, 0.1, 42);
            Dataset again = PlaygroundData.generate(shape, 200, 0.1, 42);
            Dataset other = PlaygroundData.generate(shape, 200, 0.1, 43);
            assertArrayEquals(first.features(), again.features(), shape + " features");
            assertArrayEquals(first.labels(), again.labels(), shape + " labels");
            assertFalse(Arrays.equals(first.features(), other.features()), shape + " with another seed");
        }
    }

    @Test
    void circleGaussianAndSpiralAreExactlyBalancedXorOnlyInExpectation() {
        for (PlaygroundShape shape : List.of(PlaygroundShape.CIRCLE, PlaygroundShape.GAUSSIAN, PlaygroundShape.SPIRAL)) {
            assertArrayEquals(new int[] {250, 250}, PlaygroundData.generate(shape, 500, 0, 3).classCounts(),
                    shape.cliName());
        }
        // XOR labels follow the quadrant of uniform points: binomial(10000, 1/2), standard deviation 50.
        int[] xor = PlaygroundData.generate(PlaygroundShape.XOR, 10_000, 0, 3).classCounts();
        assertTrue(Math.abs(xor[1] - 5000) < 250, Arrays.toString(xor));
        // Gaussian and spiral stay balanced under noise; circle and xor may have labels flipped.
        assertArrayEquals(new int[] {250, 250},
                PlaygroundData.generate(PlaygroundShape.GAUSSIAN, 500, 0.5, 3).classCounts());
        assertArrayEquals(new int[] {250, 250},
                PlaygroundData.generate(PlaygroundShape.SPIRAL, 500, 0.5, 3).classCounts());
    }

    @Test
    void circleLabelIsInnerDiscWithoutNoise() {
        Dataset d = PlaygroundData.generate(PlaygroundShape.CIRCLE, 1000, 0, 11);
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(x(d, i), y(d, i));
            assertTrue(r <= 5 + 1e-5, "radius " + r);
            assertEquals(r < 2.5 ? 1 : 0, d.label(i), "point " + i + " at radius " + r);
            assertTrue(r < 2.5 || r >= 3.5 - 1e-5, "radius " + r + " falls in the gap");
        }
    }

    @Test
    void xorLabelIsSameSignQuadrantsAwayFromTheAxesWithoutNoise() {
        Dataset d = PlaygroundData.generate(PlaygroundShape.XOR, 1000, 0, 12);
        for (int i = 0; i < d.size(); i++) {
            float px = x(d, i);
            float py = y(d, i);
            assertTrue(Math.abs(px) >= 0.3f - 1e-6 && Math.abs(py) >= 0.3f - 1e-6, px + ", " + py);
            assertTrue(Math.abs(px) <= 5.3f + 1e-5 && Math.abs(py) <= 5.3f + 1e-5, px + ", " + py);
            assertEquals(px * py >= 0 ? 1 : 0, d.label(i), "point (" + px + ", " + py + ")");
        }
    }

    @Test
    void gaussianClassMeansAreNearTheirCentres() {
        for (double noise : new double[] {0, 0.5}) {
            Dataset d = PlaygroundData.generate(PlaygroundShape.GAUSSIAN, 2000, noise, 13);
            double[][] sum = new double[2][2];
            for (int i = 0; i < d.size(); i++) {
                sum[d.label(i)][0] += x(d, i);
                sum[d.label(i)][1] += y(d, i);
            }
            // 1000 points per class, standard deviation at most 2: the mean's error is about 0.06.
            for (int c = 0; c < 2; c++) {
                double expected = c == 1 ? 2 : -2;
                assertEquals(expected, sum[c][0] / 1000, 0.25, "class " + c + " mean x at noise " + noise);
                assertEquals(expected, sum[c][1] / 1000, 0.25, "class " + c + " mean y at noise " + noise);
            }
        }
    }

    @Test
    void gaussianSpreadFollowsThePlaygroundVarianceScale() {
        // noise 0 -> variance 0.5, noise 0.5 -> variance 4, per coordinate.
        assertEquals(0.5, positiveXVariance(PlaygroundData.generate(PlaygroundShape.GAUSSIAN, 4000, 0, 14)), 0.1);
        assertEquals(4, positiveXVariance(PlaygroundData.generate(PlaygroundShape.GAUSSIAN, 4000, 0.5, 14)), 0.6);
    }

    private static double positiveXVariance(Dataset d) {
        double sum = 0;
        double sumSquares = 0;
        int count = 0;
        for (int i = 0; i < d.size(); i++) {
            if (d.label(i) == 1) {
                sum += x(d, i);
                sumSquares += (double) x(d, i) * x(d, i);
                count++;
            }
        }
        double mean = sum / count;
        return sumSquares / count - mean * mean;
    }

    @Test
    void spiralArmsHaveHalfThePointsEachWithGrowingRadius() {
        int samples = 400;
        int n = samples / 2;
        Dataset d = PlaygroundData.generate(PlaygroundShape.SPIRAL, samples, 0, 15);
        for (int arm = 0; arm < 2; arm++) {
            int expectedLabel = arm == 0 ? 1 : 0;
            double previous = -1;
            for (int i = 0; i < n; i++) {
                int index = arm * n + i;
                assertEquals(expectedLabel, d.label(index), "arm " + arm + " point " + i);
                double r = Math.hypot(x(d, index), y(d, index));
                assertEquals(5.0 * i / n, r, 1e-5, "arm " + arm + " point " + i);
                assertTrue(r > previous, "radius grows along arm " + arm + " at point " + i);
                previous = r;
            }
        }
        // The arms are point-symmetric: the negative arm is the positive one turned by pi.
        for (int i = 0; i < n; i++) {
            assertEquals(-x(d, i), x(d, n + i), 1e-5);
            assertEquals(-y(d, i), y(d, n + i), 1e-5);
        }
    }

    @Test
    void noiseMovesGaussianAndSpiralPointsButOnlyFlipsCircleAndXorLabels() {
        for (PlaygroundShape shape : List.of(PlaygroundShape.GAUSSIAN, PlaygroundShape.SPIRAL)) {
            Dataset clean = PlaygroundData.generate(shape, 500, 0, 5);
            Dataset noisy = PlaygroundData.generate(shape, 500, 0.5, 5);
            assertFalse(Arrays.equals(clean.features(), noisy.features()), shape.cliName());
        }
        for (PlaygroundShape shape : List.of(PlaygroundShape.CIRCLE, PlaygroundShape.XOR)) {
            Dataset clean = PlaygroundData.generate(shape, 500, 0, 5);
            Dataset noisy = PlaygroundData.generate(shape, 500, 0.5, 5);
            assertArrayEquals(clean.features(), noisy.features(), shape.cliName() + ": points stay clean");
            assertFalse(Arrays.equals(clean.labels(), noisy.labels()), shape.cliName() + ": some labels flip");
        }
    }

    @Test
    void rejectsInvalidSamplesAndNoiseWithClearMessages() {
        for (int samples : new int[] {7, 0, -2, 1}) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> PlaygroundData.generate(PlaygroundShape.CIRCLE, samples, 0, 1)).getMessage();
            assertEquals("playground samples must be an even number >= 2, got " + samples, message);
        }
        for (double noise : new double[] {-0.1, 0.51, Double.NaN}) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> PlaygroundData.generate(PlaygroundShape.XOR, 10, noise, 1)).getMessage();
            assertEquals("playground noise must be in [0, 0.5], got " + noise, message);
        }
        assertEquals(2, PlaygroundData.generate(PlaygroundShape.SPIRAL, 2, 0.5, 1).size());
    }

    @Test
    void parseRoundTripsAndRejectsUnknownNames() {
        for (PlaygroundShape shape : PlaygroundShape.values()) {
            assertEquals(shape.name().toLowerCase(Locale.ROOT), shape.cliName());
            assertEquals(shape, PlaygroundShape.parse(shape.cliName()));
        }
        assertEquals(PlaygroundShape.SPIRAL, PlaygroundShape.parse(" Spiral "));
        String message = assertThrows(IllegalArgumentException.class,
                () -> PlaygroundShape.parse("moons")).getMessage();
        assertEquals("unknown playground shape 'moons'; use one of [circle, xor, gaussian, spiral]", message);
        assertThrows(IllegalArgumentException.class, () -> PlaygroundShape.parse(null));
    }

    @Test
    void splitIsDisjointCompleteAndRespectsTheFraction() {
        Dataset d = PlaygroundData.generate(PlaygroundShape.CIRCLE, 500, 0, 21);
        for (double fraction : new double[] {0.5, 0.8, 0.1, 0.29, 0, 1}) {
            TrainTest split = PlaygroundData.split(d, fraction, 9);
            int expectedTrain = (int) Math.round(500 * fraction);
            assertEquals(expectedTrain, split.train().size(), "train size for " + fraction);
            assertEquals(500 - expectedTrain, split.test().size(), "test size for " + fraction);

            Set<String> points = new HashSet<>();
            for (Dataset part : List.of(split.train(), split.test())) {
                for (int i = 0; i < part.size(); i++) {
                    assertTrue(points.add(x(part, i) + "," + y(part, i) + "," + part.label(i)),
                            "sample appears twice in the split for " + fraction);
                }
            }
            Set<String> original = new HashSet<>();
            for (int i = 0; i < d.size(); i++) {
                original.add(x(d, i) + "," + y(d, i) + "," + d.label(i));
            }
            assertEquals(original, points, "split covers every sample for " + fraction);
        }
        TrainTest half = PlaygroundData.split(d, PlaygroundData.DEFAULT_TRAIN_FRACTION, 9);
        assertEquals("playground-circle-train", half.train().name());
        assertEquals("playground-circle-test", half.test().name());
        assertEquals(d.source(), half.train().source());
    }

    @Test
    void splitShufflesReproduciblyWithItsSeed() {
        Dataset d = PlaygroundData.generate(PlaygroundShape.SPIRAL, 500, 0.1, 22);
        TrainTest first = PlaygroundData.split(d, 0.5, 1);
        TrainTest again = PlaygroundData.split(d, 0.5, 1);
        TrainTest other = PlaygroundData.split(d, 0.5, 2);
        assertArrayEquals(first.train().features(), again.train().features());
        assertArrayEquals(first.test().labels(), again.test().labels());
        assertFalse(Arrays.equals(first.train().features(), other.train().features()));
        // Spiral points come positive arm first; a shuffled half holds both classes.
        int[] counts = first.train().classCounts();
        assertTrue(counts[0] > 50 && counts[1] > 50, Arrays.toString(counts));
    }

    @Test
    void splitRejectsInvalidFractions() {
        Dataset d = PlaygroundData.generate(PlaygroundShape.XOR, 10, 0, 1);
        for (double fraction : new double[] {-0.1, 1.5, Double.NaN}) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> PlaygroundData.split(d, fraction, 1)).getMessage();
            assertEquals("playground train fraction must be in [0, 1], got " + fraction, message);
        }
    }
}
