package org.activationlab.study.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecordFixtures;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgainstMainSettingsTest {

    private static final PageInfo PAGE = new PageInfo("mnist-mlp-epochs-2", "mnist-mlp",
            "mnist-mlp with other settings (epochs-2)", "relu", "bin/activation-lab study mnist-mlp --seeds 5");

    private static List<RunRecord> runs(Activation a, int epochs, double... testAccuracies) {
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < testAccuracies.length; i++) {
            runs.add(RunRecordFixtures.finished(a, i + 1, epochs, 0.1, 0.9, 0.9, 0.9, 0.9, testAccuracies[i]));
        }
        return runs;
    }

    @Test
    void eachActivationIsComparedWithItsMainRunsByWelchWithHolmAcrossActivations(@TempDir Path docs) {
        List<RunRecord> main = new ArrayList<>(runs(Activations.relu(), 5, 0.97, 0.98, 0.99));
        main.addAll(runs(Activations.tanh(), 5, 0.90, 0.91, 0.92));
        List<RunRecord> these = new ArrayList<>(runs(Activations.relu(), 2, 0.960, 0.965, 0.970));
        these.addAll(runs(Activations.tanh(), 2, 0.95, 0.96, 0.97));

        String page = StudyPage.render(these, main, docs, PAGE);

        assertTrue(page.contains("## Against the main settings"), page);
        // ReLU: difference -0.015, Welch se and degrees of freedom by hand (sd 0.01 and 0.005, n = 3 each)
        double se = Math.sqrt(0.01 * 0.01 / 3 + 0.005 * 0.005 / 3);
        double df = Math.pow(se * se, 2) / (Math.pow(0.01 * 0.01 / 3, 2) / 2 + Math.pow(0.005 * 0.005 / 3, 2) / 2);
        double t = new TDistribution(df).inverseCumulativeProbability(0.975);
        double p = 2 * (1 - new TDistribution(df).cumulativeProbability(0.015 / se));
        String reluRow = line(page, "| ReLU |");
        assertTrue(reluRow.contains(String.format(Locale.ROOT, "-0.0150 [%+.4f, %+.4f]", -0.015 - t * se,
                -0.015 + t * se)), reluRow);
        assertTrue(reluRow.contains(String.format(Locale.ROOT, "| %.3f | %.3f | no difference shown |", p, p)),
                reluRow);
        // Tanh: +0.05 with sd 0.01 on both sides (df 4); Holm doubles the smaller p of the family of two
        double pTanh = 2 * (1 - new TDistribution(4).cumulativeProbability(0.05 / Math.sqrt(2 * 0.0001 / 3)));
        String tanhRow = line(page, "| Tanh |");
        assertTrue(tanhRow.contains(String.format(Locale.ROOT, "| %.3f | %.3f | better under these settings |", pTanh,
                2 * pTanh)), tanhRow);
        assertTrue(reluRow.contains("| 0.9800 (0.9552–1.0000), n=3 | 0.9650 (0.9526–0.9774), n=3 |"), reluRow);
        assertTrue(page.contains("[mnist-mlp](mnist-mlp.md)"), page);
    }

    @Test
    void withoutMainRunsOfTheSameActivationThereIsNoComparison(@TempDir Path docs) {
        String page = StudyPage.render(runs(Activations.relu(), 2, 0.96, 0.97),
                runs(Activations.sigmoid(), 5, 0.90, 0.91), docs, PAGE);
        assertFalse(page.contains("Against the main settings"), page);
    }

    private static String line(String page, String start) {
        return page.lines().filter(l -> l.startsWith(start) && l.contains("[")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no row " + start + " in\n" + page));
    }
}
