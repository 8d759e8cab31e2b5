package org.activationlab.data.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.activationlab.data.Dataset;
import org.junit.jupiter.api.Test;

class SplitsTest {

    private static final int[] MNIST_CLASS_COUNTS =
            {6903, 7877, 6990, 7141, 6824, 6313, 6876, 7293, 6825, 6958};

    /** One feature per sample holding its own index, so splits can be traced back to the original. */
    private static Dataset indexed(int[] labels, int numClasses) {
        float[] features = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            features[i] = i;
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            names.add("c" + c);
        }
        return new Dataset("synthetic", features, labels, new int[] {1}, names, "test");
    }

    /** Labels with the given per-class counts, in a seeded random order. */
    private static int[] labelsWithCounts(int[] counts) {
        int[] labels = new int[Arrays.stream(counts).sum()];
        int next = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int i = 0; i < counts[c]; i++) {
                labels[next++] = c;
            }
        }
        SplittableRandom random = new SplittableRandom(1);
        for (int i = labels.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = labels[i];
            labels[i] = labels[j];
            labels[j] = tmp;
        }
        return labels;
    }

    private static int[] originalIndices(Dataset split) {
        int[] indices = new int[split.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = (int) split.features()[i];
        }
        return indices;
    }

    @Test
    void mnistSizedSplitIsExactAndStratified() {
        Dataset d = indexed(labelsWithCounts(MNIST_CLASS_COUNTS), 10);
        double[] fractions = {0.7, 0.2, 0.1};
        List<Dataset> splits = Splits.stratified(d, fractions, 42, "train", "val", "test");

        assertValidSplit(d, fractions, new int[] {49_000, 14_000, 7_000}, splits);
        assertEquals(List.of("train", "val", "test"), splits.stream().map(Dataset::name).toList());
    }

    /**
     * Asserts exact totals, each class count strictly within one of the class's share of its split
     * (and within two of {@code classCount * fraction}), and that the splits cover every sample once.
     */
    private static void assertValidSplit(Dataset d, double[] fractions, int[] expectedTotals,
                                             List<Dataset> splits) {
        int n = d.size();
        int[] classCounts = d.classCounts();
        boolean[] seen = new boolean[n];
        for (int j = 0; j < splits.size(); j++) {
            Dataset split = splits.get(j);
            assertEquals(expectedTotals[j], split.size(), "size of split " + j);
            int[] counts = split.classCounts();
            for (int c = 0; c < classCounts.length; c++) {
                double share = (double) classCounts[c] * expectedTotals[j] / n;
                assertTrue(Math.abs(counts[c] - share) < 1,
                        "class " + c + " in split " + j + ": " + counts[c] + " vs share " + share);
                assertTrue(Math.abs(counts[c] - classCounts[c] * fractions[j]) < 2);
            }
            int[] originals = originalIndices(split);
            for (int i = 0; i < originals.length; i++) {
                assertFalse(seen[originals[i]], "sample " + originals[i] + " appears twice");
                seen[originals[i]] = true;
                assertEquals(d.label(originals[i]), split.label(i), "label travels with its sample");
            }
        }
        for (int i = 0; i < n; i++) {
            assertTrue(seen[i], "sample " + i + " is in no split");
        }
    }

    @Test
    void awkwardSizesStillGiveExactLargestRemainderTotals() {
        // 1,001 samples in thirds: 333.67 each; the two left over after flooring go to the lowest indices.
        Dataset d = indexed(labelsWithCounts(new int[] {500, 300, 101, 97, 3}), 5);
        double[] thirds = {1 / 3.0, 1 / 3.0, 1 / 3.0};
        assertValidSplit(d, thirds, new int[] {334, 334, 333}, Splits.stratified(d, thirds, 7));

        double[] uneven = {0.55, 0.3, 0.15};
        assertValidSplit(d, uneven, new int[] {551, 300, 150}, Splits.stratified(d, uneven, 7));
    }

    @Test
    void manyRandomShapesSatisfyBothConstraints() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int classes = 1 + random.nextInt(12);
            int[] counts = new int[classes];
            for (int c = 0; c < classes; c++) {
                counts[c] = random.nextInt(40);
            }
            int k = 1 + random.nextInt(5);
            double[] fractions = new double[k];
            double sum = 0;
            for (int j = 0; j < k; j++) {
                fractions[j] = random.nextDouble() + 0.01;
                sum += fractions[j];
            }
            for (int j = 0; j < k; j++) {
                fractions[j] /= sum;
            }
            Dataset d = indexed(labelsWithCounts(counts), classes);
            List<Dataset> splits = Splits.stratified(d, fractions, trial);
            int[] totals = splits.stream().mapToInt(Dataset::size).toArray();
            for (int j = 0; j < k; j++) {
                assertTrue(Math.abs(totals[j] - d.size() * fractions[j]) < 1, "largest remainder total " + j);
            }
            assertValidSplit(d, fractions, totals, splits);
        }
    }

    @Test
    void sameSeedGivesSameSplitsAndOtherSeedDiffers() {
        Dataset d = indexed(labelsWithCounts(new int[] {50, 30, 20}), 3);
        double[] fractions = {0.8, 0.2};
        List<Dataset> first = Splits.stratified(d, fractions, 123);
        List<Dataset> again = Splits.stratified(d, fractions, 123);
        List<Dataset> other = Splits.stratified(d, fractions, 124);
        for (int j = 0; j < 2; j++) {
            assertArrayEquals(first.get(j).features(), again.get(j).features());
        }
        assertFalse(Arrays.equals(first.get(0).features(), other.get(0).features()));
        assertArrayEquals(first.get(0).classCounts(), other.get(0).classCounts(), "allocation does not depend on seed");
    }

    @Test
    void orderWithinSplitIsShuffledNotSortedByClass() {
        Dataset d = indexed(labelsWithCounts(new int[] {100, 100}), 2);
        Dataset train = Splits.stratified(d, new double[] {0.5, 0.5}, 5).get(0);
        int[] labels = train.labels();
        int[] sorted = labels.clone();
        Arrays.sort(sorted);
        assertFalse(Arrays.equals(sorted, labels));
    }

    @Test
    void defaultNamesAndValidation() {
        Dataset d = indexed(new int[] {0, 1, 0, 1}, 2);
        assertEquals(List.of("synthetic/0", "synthetic/1"),
                Splits.stratified(d, new double[] {0.5, 0.5}, 1).stream().map(Dataset::name).toList());

        String sum = assertThrows(IllegalArgumentException.class,
                () -> Splits.stratified(d, new double[] {0.7, 0.2}, 1)).getMessage();
        assertTrue(sum.contains("must sum to 1"), sum);
        assertThrows(IllegalArgumentException.class, () -> Splits.stratified(d, new double[] {1.2, -0.2}, 1));
        assertThrows(IllegalArgumentException.class, () -> Splits.stratified(d, new double[0], 1));
        assertThrows(IllegalArgumentException.class,
                () -> Splits.stratified(d, new double[] {0.5, 0.5}, 1, "only-one-name"));
    }

    @Test
    void emptySplitsAndEmptyDatasetAreAllowed() {
        Dataset d = indexed(new int[] {0, 1, 1}, 2);
        List<Dataset> splits = Splits.stratified(d, new double[] {1, 0}, 1);
        assertEquals(3, splits.get(0).size());
        assertEquals(0, splits.get(1).size());
        Dataset empty = indexed(new int[0], 2);
        assertEquals(0, Splits.stratified(empty, new double[] {0.5, 0.5}, 1).get(1).size());
    }
}
