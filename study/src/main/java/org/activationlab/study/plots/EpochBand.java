package org.activationlab.study.plots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-epoch summary of one label's seeds: the mean, minimum and maximum over the seeds that have a finite value at
 * that epoch. Seeds may have different lengths (a diverged run stops early) and NaN or infinite values (a diverged
 * loss); both count as "no value", so the mean at epoch e is over the seeds still running at e. Index i holds
 * epoch i + 1.
 *
 * @param mean mean over the seeds with a value, NaN where none has one
 * @param min minimum over the same seeds, NaN where none has one
 * @param max maximum over the same seeds, NaN where none has one
 * @param count how many seeds have a value
 */
public record EpochBand(double[] mean, double[] min, double[] max, int[] count) {

    /**
     * Summarises {@code seeds} ([seed][epoch]).
     *
     * @throws IllegalArgumentException naming {@code label} if there are no seeds or a seed is null
     */
    public static EpochBand of(String label, double[][] seeds) {
        if (seeds == null || seeds.length == 0) {
            throw new IllegalArgumentException("series '" + label + "' has no seeds");
        }
        int epochs = 0;
        for (int s = 0; s < seeds.length; s++) {
            if (seeds[s] == null) {
                throw new IllegalArgumentException("series '" + label + "' seed " + s + " is null");
            }
            epochs = Math.max(epochs, seeds[s].length);
        }
        double[] mean = new double[epochs];
        double[] min = new double[epochs];
        double[] max = new double[epochs];
        int[] count = new int[epochs];
        for (int e = 0; e < epochs; e++) {
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            int n = 0;
            for (double[] seed : seeds) {
                if (e < seed.length && Double.isFinite(seed[e])) {
                    sum += seed[e];
                    lo = Math.min(lo, seed[e]);
                    hi = Math.max(hi, seed[e]);
                    n++;
                }
            }
            count[e] = n;
            mean[e] = n == 0 ? Double.NaN : sum / n;
            min[e] = n == 0 ? Double.NaN : lo;
            max[e] = n == 0 ? Double.NaN : hi;
        }
        return new EpochBand(mean, min, max, count);
    }

    /** The number of epochs, the longest seed's length. */
    public int epochs() {
        return mean.length;
    }

    /** Epoch numbers 1..epochs as x values. */
    public double[] epochNumbers() {
        double[] x = new double[epochs()];
        Arrays.setAll(x, i -> i + 1);
        return x;
    }

    /**
     * The band as closed polygons, one per run of consecutive epochs with a value (a gap would otherwise join the
     * upper edge of one run to the lower edge of the next): x and y of the upper edge left to right, then of the
     * lower edge right to left.
     */
    public List<double[][]> polygons() {
        List<double[][]> out = new ArrayList<>();
        int e = 0;
        while (e < epochs()) {
            if (count[e] == 0) {
                e++;
                continue;
            }
            int start = e;
            while (e < epochs() && count[e] > 0) {
                e++;
            }
            int n = e - start;
            double[] x = new double[2 * n];
            double[] y = new double[2 * n];
            for (int i = 0; i < n; i++) {
                x[i] = start + i + 1;
                y[i] = max[start + i];
                x[2 * n - 1 - i] = start + i + 1;
                y[2 * n - 1 - i] = min[start + i];
            }
            out.add(new double[][] {x, y});
        }
        return out;
    }
}
