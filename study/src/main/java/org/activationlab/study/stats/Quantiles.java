package org.activationlab.study.stats;

import java.util.Arrays;

/**
 * Median and interquartile range of values that may include {@code +Infinity} for "did not happen within the
 * budget" (right-censored), e.g. epochs to converge. Quantiles interpolate linearly between order statistics
 * (Hyndman and Fan's type 7, R's and NumPy's default); a quantile that touches an infinite value is infinite, so
 * a median is finite only if more than half the runs finished.
 *
 * @param n number of values
 * @param q1 first quartile
 * @param median median
 * @param q3 third quartile
 */
public record Quantiles(int n, double q1, double median, double q3) {

    /**
     * @throws IllegalArgumentException if {@code values} is empty or holds NaN or {@code -Infinity}
     */
    public static Quantiles of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values for quantiles");
        }
        double[] sorted = values.clone();
        for (double v : sorted) {
            if (Double.isNaN(v) || v == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("quantiles take finite values or +Infinity (censored), got " + v);
            }
        }
        Arrays.sort(sorted);
        return new Quantiles(sorted.length, quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75));
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = (int) Math.ceil(h);
        if (Double.isInfinite(sorted[hi])) {
            return Double.POSITIVE_INFINITY;
        }
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
