package org.activationlab.study.plots;

import java.util.function.DoubleUnaryOperator;

/**
 * The smallest and largest value of a function over a fine grid, with where they occur, so that a page can print
 * numbers such as "sigmoid' is at most 0.25" computed rather than typed.
 *
 * @param min smallest value
 * @param argMin the first x where it occurs
 * @param max largest value
 * @param argMax the first x where it occurs
 */
public record Extremes(double min, double argMin, double max, double argMax) {

    /**
     * Samples {@code f} at {@code points} evenly spaced x from {@code from} to {@code to} (both included; an odd
     * count over a symmetric range includes 0) and, when 0 lies inside, also just left and right of 0, so that
     * a one-sided limit at a kink (e.g. SELU' approaching lambda * alpha from the left) counts too.
     */
    public static Extremes of(DoubleUnaryOperator f, double from, double to, int points) {
        double min = Double.POSITIVE_INFINITY;
        double argMin = Double.NaN;
        double max = Double.NEGATIVE_INFINITY;
        double argMax = Double.NaN;
        boolean zeroInside = from < 0 && to > 0;
        int extra = zeroInside ? 2 : 0;
        for (int i = 0; i < points + extra; i++) {
            double x = i < points ? from + (to - from) * i / (points - 1)
                    : (i == points ? -Double.MIN_NORMAL : Double.MIN_NORMAL);
            double y = f.applyAsDouble(x);
            if (y < min) {
                min = y;
                argMin = x;
            }
            if (y > max) {
                max = y;
                argMax = x;
            }
        }
        return new Extremes(min, argMin, max, argMax);
    }
}
