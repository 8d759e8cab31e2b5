package org.activationlab.study.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected values were computed independently with Python 3.11, NumPy 2.4.6 and SciPy 1.17.1, baseline {@code relu}:
 * <pre>
 *   r = stats.ttest_ind(other, relu, equal_var=False)         # r.statistic, r.df, r.pvalue
 *   df = n1 + n2 - 2
 *   sp = np.sqrt(((n1 - 1) * relu.var(ddof=1) + (n2 - 1) * other.var(ddof=1)) / df)
 *   g = (other.mean() - relu.mean()) / sp
 *       * np.exp(gammaln(df / 2) - gammaln((df - 1) / 2)) / np.sqrt(df / 2)
 * </pre>
 * and Holm by hand from those p-values: sorted p(1) < p(2) < p(3) are LeakyReLU, ELU, GELU, so the adjusted
 * values are 3·p(1), max(3·p(1), 2·p(2)) and max(…, p(3)).
 */
class ComparisonsTest {

    private static final double[] RELU = {0.9741, 0.9736, 0.9748, 0.9744, 0.9739};
    private static final double[] LEAKY = {0.9762, 0.9771, 0.9755, 0.9768};
    private static final double[] ELU = {0.9749, 0.9753, 0.9745, 0.9751, 0.9744};
    private static final double[] GELU = {0.9745, 0.9731, 0.9752, 0.9740, 0.9749, 0.9736};

    private static final double P_LEAKY = 0.0028456470775321467;
    private static final double P_ELU = 0.036110493875985514;
    private static final double P_GELU = 0.8867992767619348;

    private static List<Comparison> family() {
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("ReLU", RELU);
        values.put("LeakyReLU", LEAKY);
        values.put("ELU", ELU);
        values.put("GELU", GELU);
        return Comparisons.againstBaseline("test_accuracy", Comparisons.DEFAULT_BASELINE, values, 0.05);
    }

    @Test
    void welchTestMatchesScipy() {
        List<Comparison> cs = family();
        assertEquals(List.of("LeakyReLU", "ELU", "GELU"), cs.stream().map(Comparison::other).toList());

        Comparison leaky = cs.get(0);
        assertEquals("ReLU", leaky.baseline());
        assertEquals("test_accuracy", leaky.metric());
        assertEquals(0.0022399999999999087, leaky.difference(), 1e-12);
        assertEquals(5.4715580499554415, leaky.tStatistic(), 1e-9);
        assertEquals(4.961081639249217, leaky.degreesOfFreedom(), 1e-9);
        assertEquals(P_LEAKY, leaky.pValue(), 1e-9);

        Comparison elu = cs.get(1);
        assertEquals(2.530697953720435, elu.tStatistic(), 1e-9);
        assertEquals(7.748784802223474, elu.degreesOfFreedom(), 1e-9);
        assertEquals(P_ELU, elu.pValue(), 1e-9);

        Comparison gelu = cs.get(2);
        assertEquals(0.14686311241776584, gelu.tStatistic(), 1e-9);
        assertEquals(8.170726546819377, gelu.degreesOfFreedom(), 1e-9);
        assertEquals(P_GELU, gelu.pValue(), 1e-9);
    }

    @Test
    void holmAdjustsAcrossTheFamilyAndDecidesSignificance() {
        List<Comparison> cs = family();
        assertEquals(0.00853694123259644, cs.get(0).adjustedP(), 1e-9);
        assertEquals(0.07222098775197103, cs.get(1).adjustedP(), 1e-9);
        assertEquals(P_GELU, cs.get(2).adjustedP(), 1e-9);
        assertTrue(cs.get(0).significant());
        // ELU's raw p is below 5%, but not once the three comparisons are corrected for.
        assertTrue(cs.get(1).pValue() < 0.05);
        assertFalse(cs.get(1).significant());
        assertFalse(cs.get(2).significant());
    }

    @Test
    void hedgesGMatchesTheExactlyCorrectedPooledD() {
        List<Comparison> cs = family();
        assertEquals(3.4323421232390516, cs.get(0).hedgesG(), 1e-9);
        assertEquals(1.444825359977951, cs.get(1).hedgesG(), 1e-9);
        assertEquals(0.07729066939198148, cs.get(2).hedgesG(), 1e-9);
    }

    @Test
    void holmOnAKnownList() {
        assertArrayEquals(new double[] {0.03, 0.06, 0.06}, Comparisons.holm(new double[] {0.01, 0.04, 0.03}),
                1e-15);
        // capped at 1, and kept monotone: 0.6 alone would adjust to 0.6, below the 1.0 before it
        assertArrayEquals(new double[] {1.0, 0.04, 0.06, 1.0},
                Comparisons.holm(new double[] {0.5, 0.01, 0.02, 0.6}), 1e-15);
    }

    @Test
    void holmLeavesUntestedComparisonsOutOfTheFamily() {
        double[] adjusted = Comparisons.holm(new double[] {0.01, Double.NaN, 0.04});
        assertEquals(0.02, adjusted[0], 1e-15);
        assertTrue(Double.isNaN(adjusted[1]));
        assertEquals(0.04, adjusted[2], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Comparisons.holm(new double[] {1.5}));
    }

    @Test
    void oneRunMeansNoTestAndNoPlaceInTheHolmFamily() {
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("ReLU", RELU);
        values.put("LeakyReLU", LEAKY);
        values.put("Swish", new double[] {0.9790});
        List<Comparison> cs = Comparisons.againstBaseline("test_accuracy", "ReLU", values, 0.05);

        Comparison swish = cs.get(1);
        assertFalse(swish.tested());
        assertTrue(Double.isNaN(swish.pValue()));
        assertTrue(Double.isNaN(swish.adjustedP()));
        assertTrue(Double.isNaN(swish.tStatistic()));
        assertTrue(Double.isNaN(swish.hedgesG()));
        assertFalse(swish.significant());
        assertEquals(0.9790 - 0.97416, swish.difference(), 1e-12);
        // LeakyReLU is the only tested comparison, so Holm leaves its p-value as it is.
        assertEquals(P_LEAKY, cs.get(0).adjustedP(), 1e-9);
    }

    @Test
    void noSpreadInEitherActivationMeansNoTest() {
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("ReLU", new double[] {0.97, 0.97, 0.97});
        values.put("Tanh", new double[] {0.98, 0.98});
        Comparison c = Comparisons.againstBaseline("test_accuracy", "ReLU", values, 0.05).get(0);
        assertFalse(c.tested());
        assertFalse(c.significant());
        assertTrue(Double.isNaN(c.hedgesG()));
        assertEquals("Tanh vs ReLU, test accuracy: +0.0100 (0.9800 vs 0.9700): every run gave the same value"
                + " within each activation, so the t-test is undefined and no conclusion is drawn.",
                Comparisons.sentence(c, "test accuracy", true));
    }

    @Test
    void noSpreadInOneActivationStillAllowsWelch() {
        // SciPy: ttest_ind([0.975] * 3, relu, equal_var=False) -> t 4.069813298136426, df 4.0,
        // p 0.015225285482996752; Hedges' g 1.9362805475851854
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("ReLU", RELU);
        values.put("Constant", new double[] {0.975, 0.975, 0.975});
        Comparison c = Comparisons.againstBaseline("test_accuracy", "ReLU", values, 0.05).get(0);
        assertEquals(4.069813298136426, c.tStatistic(), 1e-6);
        assertEquals(4.0, c.degreesOfFreedom(), 1e-9);
        assertEquals(0.015225285482996752, c.pValue(), 1e-9);
        assertEquals(1.9362805475851854, c.hedgesG(), 1e-9);
    }

    @Test
    void significantSentenceNamesTheDirection() {
        assertEquals("LeakyReLU vs ReLU, test accuracy: +0.0022 (0.9764 vs 0.9742), Welch t-test p = 0.003,"
                + " Holm-adjusted p = 0.009: significant at 5%; LeakyReLU is better (higher test accuracy);"
                + " Hedges' g = 3.43.", Comparisons.sentence(family().get(0), "test accuracy", true));
    }

    @Test
    void significantHigherValueOfALowerIsBetterMetricIsWorse() {
        String text = Comparisons.sentence(family().get(0), "test loss", false);
        assertTrue(text.contains("significant at 5%; LeakyReLU is worse (higher test loss)"), text);
    }

    @Test
    void notSignificantSentenceClaimsNoRanking() {
        String elu = Comparisons.sentence(family().get(1), "test accuracy", true);
        assertEquals("ELU vs ReLU, test accuracy: +0.0007 (0.9748 vs 0.9742), Welch t-test p = 0.036,"
                + " Holm-adjusted p = 0.072: not significant at 5%, so no ranking can be claimed;"
                + " Hedges' g = 1.44.", elu);
        for (Comparison c : family().subList(1, 3)) {
            for (boolean higherIsBetter : new boolean[] {true, false}) {
                String text = Comparisons.sentence(c, "test accuracy", higherIsBetter);
                assertTrue(text.contains("not significant at 5%"), text);
                assertFalse(text.contains("better") || text.contains("worse") || text.contains("higher")
                        || text.contains("lower"), text);
            }
        }
    }

    @Test
    void untestableSentencesSayWhy() {
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("ReLU", new double[] {0.9741});
        values.put("LeakyReLU", new double[] {0.9753});
        values.put("ELU", ELU);
        List<Comparison> cs = Comparisons.againstBaseline("test_accuracy", "ReLU", values, 0.05);
        assertEquals("LeakyReLU vs ReLU, test accuracy: +0.0012 (0.9753 vs 0.9741): one run each, so no test is"
                + " possible; the difference may be noise.", Comparisons.sentence(cs.get(0), "test accuracy", true));
        assertEquals("ELU vs ReLU, test accuracy: +0.0007 (0.9748 vs 0.9741): only one run of ReLU, so no test is"
                + " possible; the difference may be noise.", Comparisons.sentence(cs.get(1), "test accuracy", true));
    }

    @Test
    void sentenceStatesTheChosenLevelAndKeepsPOnTheRightSideOfIt() {
        Comparison c = family().get(0);
        Comparison strict = new Comparison(c.baseline(), c.other(), c.metric(), c.baselineSummary(),
                c.otherSummary(), c.difference(), c.tStatistic(), c.degreesOfFreedom(), 0.0049, 0.00996, c.hedgesG(),
                0.01, true);
        String text = Comparisons.sentence(strict, "test accuracy", true);
        // 0.00996 at three decimals would print as 0.010, i.e. not below the 1% level it passes
        assertTrue(text.contains("Welch t-test p = 0.005, Holm-adjusted p = 0.00996: significant at 1%;"), text);
    }

    @Test
    void rejectsBadInputWithClearMessages() {
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("ReLU", RELU);
        values.put("SELU", new double[] {0.97, Double.NaN});
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Comparisons.againstBaseline("test_accuracy", "ReLU", values, 0.05));
        assertEquals("SELU: value 1 of 2 is NaN; leave diverged runs out before computing statistics",
                nan.getMessage());

        Map<String, double[]> noBaseline = Map.of("GELU", GELU);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Comparisons.againstBaseline("test_accuracy", "ReLU", noBaseline, 0.05));
        assertEquals("baseline ReLU has no values for test_accuracy; activations: [GELU]", missing.getMessage());

        Map<String, double[]> ok = Map.of("ReLU", RELU, "GELU", GELU);
        assertThrows(IllegalArgumentException.class, () -> Comparisons.againstBaseline("m", "ReLU", ok, 0));
        assertThrows(IllegalArgumentException.class, () -> Comparisons.againstBaseline("m", "ReLU", ok, 1));
    }
}
