package org.activationlab.study.stats;

import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * One metric of one activation over its runs (one value per seed): mean, sample standard deviation and the
 * two-sided 95% confidence interval of the mean from the t distribution.
 *
 * @param n number of runs, at least 1
 * @param mean arithmetic mean
 * @param sd sample standard deviation (n - 1 denominator); NaN when {@code n == 1}
 * @param ciLow lower end of the 95% confidence interval, {@code mean - t(0.975, n-1) * sd / sqrt(n)}; NaN when
 *     {@code n == 1}
 * @param ciHigh upper end of the 95% confidence interval; NaN when {@code n == 1}
 */
public record Summary(int n, double mean, double sd, double ciLow, double ciHigh) {

    /** Confidence level of {@link #ciLow()}..{@link #ciHigh()}. */
    public static final double CONFIDENCE = 0.95;

    public Summary {
        if (n < 1) {
            throw new IllegalArgumentException("a summary needs at least one value, got n=" + n);
        }
    }

    /**
     * Summarises the values of one metric over the runs of one activation.
     *
     * @param values one value per run; every value must be finite (leave diverged runs out before calling)
     * @throws IllegalArgumentException if {@code values} is empty or holds NaN or an infinity
     */
    public static Summary of(double[] values) {
        Objects.requireNonNull(values, "values must not be null");
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        SummaryStatistics stats = new SummaryStatistics();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " of " + values.length + " is " + values[i]
                        + "; leave diverged runs out before computing statistics");
            }
            stats.addValue(values[i]);
        }
        int n = values.length;
        if (n == 1) {
            // One seed says nothing about the spread between seeds, so there is no sd and no interval.
            return new Summary(1, stats.getMean(), Double.NaN, Double.NaN, Double.NaN);
        }
        double sd = stats.getStandardDeviation();
        double halfWidth = criticalT(n - 1) * sd / Math.sqrt(n);
        return new Summary(n, stats.getMean(), sd, stats.getMean() - halfWidth, stats.getMean() + halfWidth);
    }

    /** The two-sided {@link #CONFIDENCE} quantile of Student's t with {@code degreesOfFreedom}. */
    static double criticalT(double degreesOfFreedom) {
        return new TDistribution(degreesOfFreedom).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }

    /** The interval's upper end, or the mean when there is no interval (one run). */
    public double upperOrMean() {
        return hasInterval() ? ciHigh : mean;
    }

    /** The interval's lower end, or the mean when there is no interval (one run). */
    public double lowerOrMean() {
        return hasInterval() ? ciLow : mean;
    }

    /**
     * The mean with its interval clipped to {@code [0, max]}, e.g. {@code 0.9512 (0.9464–0.9560)}, for quantities
     * that cannot leave that range (fractions, accuracies) while a t interval over few seeds can; the mean alone
     * for one run.
     *
     * @param scale multiplies every number, e.g. 100 for percentages
     * @param max the upper end of the range, after scaling
     */
    public String formatBounded(String numberFormat, double scale, double max) {
        String m = fmt(numberFormat, scale * mean);
        if (!hasInterval()) {
            return m;
        }
        return m + " (" + fmt(numberFormat, Math.max(0, scale * ciLow)) + "–"
                + fmt(numberFormat, Math.min(max, scale * ciHigh)) + ")";
    }

    /** Whether a standard deviation and a confidence interval exist, i.e. there are at least two runs. */
    public boolean hasInterval() {
        return n >= 2;
    }

    /**
     * Formats this summary for a report, e.g. {@code 0.9741 ± 0.0012 (95% CI 0.9729–0.9753, n=5)}, or
     * {@code 0.9741 (n=1, no interval)} for a single run.
     *
     * @param numberFormat a {@link String#format} pattern for one number, e.g. {@code %.4f}
     */
    public String format(String numberFormat) {
        if (!hasInterval()) {
            return fmt(numberFormat, mean) + " (n=1, no interval)";
        }
        return fmt(numberFormat, mean) + " ± " + fmt(numberFormat, sd) + " (95% CI " + fmt(numberFormat, ciLow)
                + "–" + fmt(numberFormat, ciHigh) + ", n=" + n + ")";
    }

    private static String fmt(String numberFormat, double value) {
        return String.format(Locale.ROOT, numberFormat, value);
    }
}
