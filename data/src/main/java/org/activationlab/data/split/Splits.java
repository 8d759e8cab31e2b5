package org.activationlab.data.split;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.activationlab.data.Dataset;

/** Seeded, stratified train/validation/test splitting. */
public final class Splits {

    private static final double FRACTION_SUM_TOLERANCE = 1e-6;

    private Splits() {
    }

    /**
     * Splits {@code d} into {@code fractions.length} disjoint datasets that together hold every
     * sample exactly once, preserving class proportions.
     *
     * <p>Allocation rule (all integer arithmetic after step 1, so identical on every machine):
     * <ol>
     *   <li>Split sizes: {@code T_j = floor(n * f_j)}, then the samples left over go one each to the
     *       splits with the largest remainders (ties: lower split index). So the sizes are exact; for
     *       70,000 samples and {0.7, 0.2, 0.1} they are 49,000 / 14,000 / 7,000.</li>
     *   <li>Per class {@code c} with {@code n_c} samples, split {@code j} gets either the floor or the
     *       ceiling of its quota {@code q_cj = n_c * T_j / n}, i.e. strictly less than one sample away
     *       from the class's exact share of that split, with each class's counts summing to
     *       {@code n_c} and each split's counts summing to {@code T_j}. Among those, the ceilings go
     *       preferably to the largest remainders. Such a rounding always exists (the quotas form a
     *       fractional transportation solution, which has an integral one) and is found by a
     *       greedy pass followed by augmenting paths.</li>
     * </ol>
     * Which samples of a class land in which split, and the order of samples within each split,
     * are shuffled with {@link SplittableRandom} seeded by {@code seed}.
     *
     * @param fractions non-negative, summing to 1 (within 1e-6)
     * @param names one name per split, or none for {@code "<d.name()>/<index>"}
     * @throws IllegalArgumentException if fractions or names are invalid
     */
    public static List<Dataset> stratified(Dataset d, double[] fractions, long seed, String... names) {
        int k = fractions.length;
        if (k == 0) {
            throw new IllegalArgumentException("at least one split fraction is required");
        }
        double sum = 0;
        for (double f : fractions) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException(
                        "split fractions must be in [0, 1], got " + Arrays.toString(fractions));
            }
            sum += f;
        }
        if (Math.abs(sum - 1) > FRACTION_SUM_TOLERANCE) {
            throw new IllegalArgumentException("split fractions must sum to 1, got "
                    + Arrays.toString(fractions) + " (sum " + sum + ")");
        }
        if (names.length != 0 && names.length != k) {
            throw new IllegalArgumentException("got " + names.length + " split names for " + k
                    + " fractions; give one name per fraction or none");
        }

        int n = d.size();
        int[] totals = splitTotals(n, fractions, sum);
        int[] labels = d.labels();
        int[] classCounts = d.classCounts();
        int[][] allocation = allocatePerClass(classCounts, totals, n);

        SplittableRandom random = new SplittableRandom(seed);
        int[][] byClass = indicesByClass(labels, classCounts);
        int[][] splitIndices = new int[k][];
        int[] filled = new int[k];
        for (int j = 0; j < k; j++) {
            splitIndices[j] = new int[totals[j]];
        }
        for (int c = 0; c < classCounts.length; c++) {
            int[] members = byClass[c];
            shuffle(members, random);
            int next = 0;
            for (int j = 0; j < k; j++) {
                int count = allocation[c][j];
                System.arraycopy(members, next, splitIndices[j], filled[j], count);
                filled[j] += count;
                next += count;
            }
        }

        List<Dataset> result = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            shuffle(splitIndices[j], random);
            String name = names.length == 0 ? d.name() + "/" + j : names[j];
            result.add(d.subset(splitIndices[j], name));
        }
        return List.copyOf(result);
    }

    /** Largest-remainder rounding of {@code n * f_j / sum} to integers summing exactly to {@code n}. */
    private static int[] splitTotals(int n, double[] fractions, double sum) {
        int k = fractions.length;
        int[] totals = new int[k];
        double[] remainders = new double[k];
        int assigned = 0;
        for (int j = 0; j < k; j++) {
            double exact = n * (fractions[j] / sum);
            totals[j] = (int) Math.floor(exact);
            remainders[j] = exact - totals[j];
            assigned += totals[j];
        }
        Integer[] order = new Integer[k];
        for (int j = 0; j < k; j++) {
            order[j] = j;
        }
        // Stable sort, so equal remainders favour the lower split index.
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> remainders[j]).reversed());
        for (int i = 0; assigned < n; i = (i + 1) % k) {
            totals[order[i]]++;
            assigned++;
        }
        return totals;
    }

    /**
     * Rounds the quotas {@code classCounts[c] * totals[j] / n} to a matrix whose rows sum to the
     * class counts and whose columns sum to the split totals, each entry being its quota's floor or
     * ceiling. Integer arithmetic only: a remainder is {@code classCounts[c] * totals[j] mod n}.
     */
    private static int[][] allocatePerClass(int[] classCounts, int[] totals, int n) {
        int classes = classCounts.length;
        int k = totals.length;
        int[][] allocation = new int[classes][k];
        if (n == 0) {
            return allocation;
        }
        long[][] remainder = new long[classes][k];
        int[] rowNeed = classCounts.clone();
        int[] colNeed = totals.clone();
        List<int[]> fractionalCells = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < k; j++) {
                long product = (long) classCounts[c] * totals[j];
                allocation[c][j] = (int) (product / n);
                remainder[c][j] = product % n;
                rowNeed[c] -= allocation[c][j];
                colNeed[j] -= allocation[c][j];
                if (remainder[c][j] != 0) {
                    fractionalCells.add(new int[] {c, j});
                }
            }
        }
        boolean[][] roundedUp = new boolean[classes][k];
        fractionalCells.sort(Comparator.comparingLong((int[] cell) -> -remainder[cell[0]][cell[1]]));
        for (int[] cell : fractionalCells) {
            int c = cell[0];
            int j = cell[1];
            if (rowNeed[c] > 0 && colNeed[j] > 0) {
                roundedUp[c][j] = true;
                rowNeed[c]--;
                colNeed[j]--;
            }
        }
        for (int c = 0; c < classes; c++) {
            while (rowNeed[c] > 0) {
                augment(c, remainder, roundedUp, colNeed);
                rowNeed[c]--;
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < k; j++) {
                if (roundedUp[c][j]) {
                    allocation[c][j]++;
                }
            }
        }
        return allocation;
    }

    /**
     * Finds, by breadth-first search, an alternating path from class {@code start} to a split that
     * still needs a sample (class to split over a fractional cell not yet rounded up, split to class
     * over a cell that is), and flips the cells along it: one more rounded-up cell for
     * {@code start} and for the final split, unchanged counts for everything in between.
     */
    private static void augment(int start, long[][] remainder, boolean[][] roundedUp, int[] colNeed) {
        int classes = remainder.length;
        int k = colNeed.length;
        int[] classVia = new int[classes];
        int[] splitVia = new int[k];
        Arrays.fill(classVia, -2);
        Arrays.fill(splitVia, -1);
        classVia[start] = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            int c = queue.poll();
            for (int j = 0; j < k; j++) {
                if (remainder[c][j] == 0 || roundedUp[c][j] || splitVia[j] != -1) {
                    continue;
                }
                splitVia[j] = c;
                if (colNeed[j] > 0) {
                    colNeed[j]--;
                    flipPath(j, classVia, splitVia, roundedUp);
                    return;
                }
                for (int next = 0; next < classes; next++) {
                    if (roundedUp[next][j] && classVia[next] == -2) {
                        classVia[next] = j;
                        queue.add(next);
                    }
                }
            }
        }
        throw new IllegalStateException("no stratified rounding found; this contradicts the"
                + " integrality of transportation problems and indicates a bug in Splits");
    }

    private static void flipPath(int endSplit, int[] classVia, int[] splitVia, boolean[][] roundedUp) {
        int j = endSplit;
        while (true) {
            int c = splitVia[j];
            roundedUp[c][j] = true;
            int previousSplit = classVia[c];
            if (previousSplit == -1) {
                return;
            }
            roundedUp[c][previousSplit] = false;
            j = previousSplit;
        }
    }

    private static int[][] indicesByClass(int[] labels, int[] classCounts) {
        int[][] byClass = new int[classCounts.length][];
        for (int c = 0; c < classCounts.length; c++) {
            byClass[c] = new int[classCounts[c]];
        }
        int[] filled = new int[classCounts.length];
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][filled[labels[i]]++] = i;
        }
        return byClass;
    }

    /**
     * Shuffles {@code values} in place with the Fisher-Yates method, drawing from {@code random}: the one shuffle of
     * the project, so that a seed gives the same order wherever it is used.
     */
    public static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }
}
