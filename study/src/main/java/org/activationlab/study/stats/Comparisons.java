package org.activationlab.study.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Compares activations with a baseline activation on one metric over repeated runs (seeds): Welch's t-test per
 * pair, Holm's correction across the pairs, Hedges' g, and a plain-text conclusion that claims no more than the
 * data show.
 */
public final class Comparisons {

    /** The baseline the issue names as the default; callers key their values by the same names. */
    public static final String DEFAULT_BASELINE = "ReLU";

    /** Format of means and differences in {@link #sentence(Comparison, String, boolean)}. */
    private static final String DEFAULT_NUMBER_FORMAT = "%.4f";

    private Comparisons() {
    }

    /**
     * Compares every activation with the baseline on one metric.
     *
     * <p>Each pair gets a two-sided Welch t-test (unequal variances, commons-math {@link TTest}). The p-values form
     * one family whose family-wise error rate is held at {@code alpha} by {@link #holm Holm's} step-down method, so
     * adding activations makes each comparison harder to pass. A pair is left untested (p NaN, not significant,
     * outside the Holm family) when either activation has fewer than two runs, or when neither shows any spread
     * between its runs: the t statistic is then 0/0 or ±infinity, and a p-value of 0 would declare significance
     * from runs that evidently did not vary with the seed.
     *
     * @param metric the metric's key, copied into each {@link Comparison}
     * @param baseline key of the baseline in {@code valuesByActivation}, e.g. {@link #DEFAULT_BASELINE}
     * @param valuesByActivation one value per run for each activation, baseline included; every value finite
     *     (leave diverged runs out)
     * @param alpha family-wise significance level, strictly between 0 and 1
     * @return one comparison per activation other than the baseline, in the map's iteration order
     * @throws IllegalArgumentException if the baseline is missing, alpha is out of range, or an activation has no
     *     values or a non-finite value
     */
    public static List<Comparison> againstBaseline(String metric, String baseline,
            Map<String, double[]> valuesByActivation, double alpha) {
        Objects.requireNonNull(metric, "metric must not be null");
        Objects.requireNonNull(baseline, "baseline must not be null");
        Objects.requireNonNull(valuesByActivation, "valuesByActivation must not be null");
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be strictly between 0 and 1, got " + alpha);
        }
        double[] baseValues = valuesByActivation.get(baseline);
        if (baseValues == null) {
            throw new IllegalArgumentException("baseline " + baseline + " has no values for " + metric
                    + "; activations: " + valuesByActivation.keySet());
        }
        Summary base = summarise(baseline, baseValues);

        List<String> others = new ArrayList<>();
        List<Summary> summaries = new ArrayList<>();
        List<Welch> tests = new ArrayList<>();
        for (Map.Entry<String, double[]> e : valuesByActivation.entrySet()) {
            if (e.getKey().equals(baseline)) {
                continue;
            }
            Summary other = summarise(e.getKey(), e.getValue());
            others.add(e.getKey());
            summaries.add(other);
            tests.add(welch(baseValues, base, e.getValue(), other));
        }
        double[] adjusted = holm(tests.stream().mapToDouble(Welch::p).toArray());

        List<Comparison> result = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            Summary other = summaries.get(i);
            Welch w = tests.get(i);
            result.add(new Comparison(baseline, others.get(i), metric, base, other, other.mean() - base.mean(),
                    w.t(), w.df(), w.p(), adjusted[i], hedgesG(base, other), alpha, adjusted[i] < alpha));
        }
        return result;
    }

    /**
     * Holm's step-down adjustment of a family of p-values: with the m numeric p-values sorted ascending as
     * p(1) ≤ … ≤ p(m), the adjusted p(i) is the maximum over j ≤ i of min(1, (m − j + 1) · p(j)). Rejecting where
     * the adjusted p is below alpha controls the family-wise error rate at alpha.
     *
     * @param pValues p-values in [0, 1]; NaN entries (untested comparisons) are not part of the family
     * @return adjusted p-values in the order given, NaN where the input was NaN
     */
    public static double[] holm(double[] pValues) {
        Objects.requireNonNull(pValues, "pValues must not be null");
        for (double p : pValues) {
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("p-values must lie in [0, 1], got " + p);
            }
        }
        int[] ascending = IntStream.range(0, pValues.length).filter(i -> !Double.isNaN(pValues[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> pValues[i])).mapToInt(Integer::intValue).toArray();
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        int m = ascending.length;
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            // The running maximum keeps the adjusted values in the order of the raw ones, so a larger raw p can
            // never look more significant than a smaller one.
            running = Math.max(running, Math.min(1, (m - rank) * pValues[ascending[rank]]));
            adjusted[ascending[rank]] = running;
        }
        return adjusted;
    }

    /**
     * The conclusion of one comparison in words, with means and differences formatted as {@code %.4f}.
     *
     * @see #sentence(Comparison, String, boolean, String)
     */
    public static String sentence(Comparison c, String metricName, boolean higherIsBetter) {
        return sentence(c, metricName, higherIsBetter, DEFAULT_NUMBER_FORMAT);
    }

    /**
     * The conclusion of one comparison in words, e.g. {@code LeakyReLU vs ReLU, test accuracy: +0.0022 (0.9764 vs
     * 0.9742), Welch t-test p = 0.003, Holm-adjusted p = 0.009: significant at 5%; LeakyReLU is better (higher test
     * accuracy); Hedges' g = 3.43.} Only a significant comparison names a direction or says better or worse; any
     * other says "not significant" or why no test was possible.
     *
     * @param c the comparison
     * @param metricName the metric as a reader calls it, e.g. {@code test accuracy}
     * @param higherIsBetter whether a larger value of the metric is an improvement (accuracy) or not (loss, time)
     * @param numberFormat a {@link String#format} pattern for means and the difference, e.g. {@code %.4f}
     */
    public static String sentence(Comparison c, String metricName, boolean higherIsBetter, String numberFormat) {
        Objects.requireNonNull(metricName, "metricName must not be null");
        Objects.requireNonNull(numberFormat, "numberFormat must not be null");
        String difference = fmt(numberFormat, c.difference());
        StringBuilder s = new StringBuilder()
                .append(c.other()).append(" vs ").append(c.baseline()).append(", ").append(metricName).append(": ")
                .append(difference.startsWith("-") ? "" : "+").append(difference)
                .append(" (").append(fmt(numberFormat, c.otherSummary().mean())).append(" vs ")
                .append(fmt(numberFormat, c.baselineSummary().mean())).append(")");
        boolean baselineSingle = !c.baselineSummary().hasInterval();
        boolean otherSingle = !c.otherSummary().hasInterval();
        if (baselineSingle || otherSingle) {
            String runs = baselineSingle && otherSingle ? "one run each"
                    : "only one run of " + (baselineSingle ? c.baseline() : c.other());
            return s.append(": ").append(runs).append(", so no test is possible; the difference may be noise.")
                    .toString();
        }
        if (!c.tested()) {
            return s.append(": every run gave the same value within each activation, so the t-test is undefined and"
                    + " no conclusion is drawn.").toString();
        }
        String level = percent(c.alpha());
        s.append(", Welch t-test ").append(p(c.pValue(), c.alpha()))
                .append(", Holm-adjusted ").append(p(c.adjustedP(), c.alpha())).append(": ");
        if (c.significant()) {
            boolean higher = c.difference() > 0;
            s.append("significant at ").append(level).append("; ").append(c.other()).append(" is ")
                    .append(higher == higherIsBetter ? "better" : "worse")
                    .append(" (").append(higher ? "higher " : "lower ").append(metricName).append(")");
        } else {
            s.append("not significant at ").append(level).append(", so no ranking can be claimed");
        }
        if (!Double.isNaN(c.hedgesG())) {
            s.append("; Hedges' g = ").append(fmt("%.2f", c.hedgesG()));
        }
        return s.append('.').toString();
    }

    private static Summary summarise(String activation, double[] values) {
        Objects.requireNonNull(values, () -> activation + " has null values");
        try {
            return Summary.of(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(activation + ": " + e.getMessage(), e);
        }
    }

    /** Welch's t, its Welch–Satterthwaite degrees of freedom and two-sided p; all NaN when no test is possible. */
    private record Welch(double t, double df, double p) {
    }

    private static Welch welch(double[] baseValues, Summary base, double[] otherValues, Summary other) {
        if (!base.hasInterval() || !other.hasInterval() || (base.sd() == 0 && other.sd() == 0)) {
            return new Welch(Double.NaN, Double.NaN, Double.NaN);
        }
        TTest test = new TTest();
        double vb = base.sd() * base.sd() / base.n();
        double vo = other.sd() * other.sd() / other.n();
        // commons-math computes this df internally but does not expose it.
        double df = (vb + vo) * (vb + vo) / (vb * vb / (base.n() - 1) + vo * vo / (other.n() - 1));
        return new Welch(test.t(otherValues, baseValues), df, test.tTest(otherValues, baseValues));
    }

    private static double hedgesG(Summary base, Summary other) {
        if (!base.hasInterval() || !other.hasInterval()) {
            return Double.NaN;
        }
        int df = base.n() + other.n() - 2;
        double pooledVariance = ((base.n() - 1) * base.sd() * base.sd()
                + (other.n() - 1) * other.sd() * other.sd()) / df;
        if (pooledVariance == 0) {
            return Double.NaN;
        }
        double d = (other.mean() - base.mean()) / Math.sqrt(pooledVariance);
        // Exact correction J(df) = Γ(df/2) / (sqrt(df/2) Γ((df-1)/2)); d alone overstates the effect for few runs.
        double j = Math.exp(Gamma.logGamma(df / 2.0) - Gamma.logGamma((df - 1) / 2.0)) / Math.sqrt(df / 2.0);
        return d * j;
    }

    /**
     * "p = 0.031", or "p < 0.001". More decimals are shown when three would round a p-value onto the other side
     * of alpha (0.0496 as "0.050" next to "significant at 5%" would read as a contradiction).
     */
    private static String p(double p, double alpha) {
        if (p < 0.001) {
            return "p < 0.001";
        }
        String shown = fmt("%.3f", p);
        for (int decimals = 4; decimals <= 6 && (Double.parseDouble(shown) < alpha) != (p < alpha); decimals++) {
            shown = fmt("%." + decimals + "f", p);
        }
        return "p = " + shown;
    }

    /** 0.05 as "5%", 0.005 as "0.5%". */
    private static String percent(double alpha) {
        return BigDecimal.valueOf(alpha).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
