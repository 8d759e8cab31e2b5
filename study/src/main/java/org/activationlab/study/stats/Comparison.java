package org.activationlab.study.stats;

import java.util.Objects;

/**
 * One activation compared with the baseline activation on one metric, as one member of a family of comparisons
 * against the same baseline (see {@link Comparisons#againstBaseline}).
 *
 * @param baseline name of the baseline activation, e.g. {@code ReLU}
 * @param other name of the activation compared with it
 * @param metric the metric's key, e.g. {@code test_accuracy}
 * @param baselineSummary the baseline's values
 * @param otherSummary the other activation's values
 * @param difference {@code otherSummary.mean() - baselineSummary.mean()}
 * @param tStatistic Welch's t, positive when {@code other} has the higher mean; NaN when not {@link #tested()}
 * @param degreesOfFreedom Welch–Satterthwaite degrees of freedom; NaN when not {@link #tested()}
 * @param pValue two-sided p-value of Welch's t-test (unequal variances); NaN when either activation has fewer
 *     than two runs, or neither shows any spread between its runs (the t statistic is then undefined)
 * @param adjustedP {@code pValue} after Holm's step-down correction over the tested comparisons of the family;
 *     NaN when not {@link #tested()}
 * @param hedgesG effect size: Cohen's d of {@code other - baseline} with the pooled sample standard deviation,
 *     times the exact small-sample bias correction; NaN when either has fewer than two runs or the pooled
 *     standard deviation is zero
 * @param alpha family-wise significance level the comparison was judged at, e.g. 0.05
 * @param significant {@code adjustedP < alpha}; false whenever not {@link #tested()}
 */
public record Comparison(String baseline, String other, String metric, Summary baselineSummary,
        Summary otherSummary, double difference, double tStatistic, double degreesOfFreedom, double pValue,
        double adjustedP, double hedgesG, double alpha, boolean significant) {

    public Comparison {
        Objects.requireNonNull(baseline, "baseline must not be null");
        Objects.requireNonNull(other, "other must not be null");
        Objects.requireNonNull(metric, "metric must not be null");
        Objects.requireNonNull(baselineSummary, "baselineSummary must not be null");
        Objects.requireNonNull(otherSummary, "otherSummary must not be null");
    }

    /** Whether a Welch t-test could be computed, i.e. {@link #pValue()} is a number. */
    public boolean tested() {
        return !Double.isNaN(pValue);
    }

    /**
     * The {@link Summary#CONFIDENCE} Welch interval of {@link #difference()}: the difference plus and minus the t
     * quantile at the Welch–Satterthwaite degrees of freedom times the standard error {@code sqrt(s1²/n1 + s2²/n2)};
     * both bounds NaN when not {@link #tested()}.
     */
    public double[] differenceInterval() {
        if (!tested()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double se = Math.sqrt(square(baselineSummary.sd()) / baselineSummary.n()
                + square(otherSummary.sd()) / otherSummary.n());
        double t = Summary.criticalT(degreesOfFreedom);
        return new double[] {difference - t * se, difference + t * se};
    }

    private static double square(double x) {
        return x * x;
    }
}
