package org.activationlab.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecordFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistMlpReportTest {

    @TempDir
    static Path docs;

    private static final String COMMAND = "bin/activation-lab reproduce mnist-mlp --epochs 12 --seeds 1,2";

    /** ReLU with two seeds, LeakyReLU with one, sigmoid diverged at epoch 3; all 12 epochs. */
    private static List<RunRecord> records() {
        return List.of(
                RunRecordFixtures.finished(Activations.relu(), 1, 12, 0.0900, 0.9700, 0.9600, 0.9700, 0.9650, 0.9710),
                RunRecordFixtures.finished(Activations.relu(), 2, 12, 0.1000, 0.9800, 0.9900, 0.9800, 0.9750, 0.9790),
                RunRecordFixtures.finished(Activations.leakyRelu(), 1, 12, 0.0812, 0.9771, 0.9744, 0.9766, 0.9722,
                        0.9745),
                RunRecordFixtures.diverged(Activations.sigmoid(), 1, 12, 3));
    }

    @Test
    void sameRecordsInAnyOrderGiveIdenticalText() {
        List<RunRecord> shuffled = new ArrayList<>(records());
        Collections.reverse(shuffled);

        String text = MnistMlpReport.render(records(), COMMAND, docs);

        assertEquals(text, MnistMlpReport.render(records(), COMMAND, docs));
        assertEquals(text, MnistMlpReport.render(shuffled, COMMAND, docs));
    }

    @Test
    void tablesSetThePapersValuesAgainstOursToFourDecimals() {
        String text = MnistMlpReport.render(records(), COMMAND, docs);

        assertTrue(text.contains("| LeakyReLU(negative_slope=0.01) | 0.0837 | 0.0812 | 0.9763 | 0.9771 |"), text);
        assertTrue(text.contains("| LeakyReLU(negative_slope=0.01) | 0.9758 | 0.9744 | 0.9779 | 0.9766 | 0.9738"
                + " | 0.9722 | 0.9752 | 0.9745 |"), text);
        for (String paper : List.of("0.0915", "0.9761", "0.2138", "0.9423", "0.9739", "0.9755", "0.9723", "0.9738",
                "0.9393", "0.9526", "0.9267", "0.9376")) {
            assertTrue(text.contains("| " + paper + " |"), paper);
        }
    }

    @Test
    void severalSeedsShowMeanAndSampleStandardDeviation() {
        String text = MnistMlpReport.render(records(), COMMAND, docs);

        // loss 0.09, 0.10: mean 0.095, sd = sqrt(2 * 0.005^2 / 1) = 0.00707; F1 0.96, 0.99: sd = 0.0212
        assertTrue(text.contains("| ReLU() | 0.0915 | 0.0950 ± 0.0071 (95% CI 0.0315–0.1585, n=2) | 0.9761 |"
                + " 0.9750 ± 0.0071 (95% CI 0.9115–1.0385, n=2) |"),
                text);
        assertTrue(text.contains("| ReLU() | 0.9739 | 0.9750 ± 0.0212 (95% CI 0.7844–1.1656, n=2) |"), text);
        assertTrue(text.contains("| ReLU() | 1, 2 | all finished | 150.0 ± 0.0 (95% CI 150.0–150.0, n=2) | 1.00 | 0.25 |"), text);
    }

    @Test
    void aDivergedRunIsReportedWithItsEpochAndKeptOutOfTheMetrics() {
        String text = MnistMlpReport.render(records(), COMMAND, docs);

        assertTrue(text.contains("| Sigmoid() | 1 | diverged at epoch 3 |"), text);
        assertTrue(text.contains("| Sigmoid() | 0.2138 | diverged | 0.9423 | diverged |"), text);
        assertTrue(text.contains("Sigmoid() seed 1 diverged at epoch 3"), text);
        assertTrue(text.contains("| 3 | NaN | NaN | 0.0980 |"), text);
    }

    @Test
    void protocolCommandCurvesAndDifferencesAreStated() {
        String text = MnistMlpReport.render(records(), COMMAND, docs);

        assertTrue(text.contains("```\n" + COMMAND + "\n```"), text);
        assertTrue(text.contains("do not edit") || text.contains("Do not edit"), text);
        assertTrue(text.contains("- **Trainable parameters:** 109,386\n"), text);
        assertTrue(text.contains("- **CPU:** Test CPU @ 3.00GHz\n"), text);
        assertTrue(text.contains("- **Git commit:** `0123456789abcdef0123456789abcdef01234567`\n"), text);
        assertTrue(text.contains("  - ReLU(): `HE_UNIFORM`, biases zero\n"), text);
        assertTrue(text.contains("  - Sigmoid(): `GLOROT_UNIFORM`, biases zero\n"), text);
        assertTrue(text.contains("**Reduced run: 12 epochs**"), text);
        assertTrue(text.contains("the paper does not state it"), text);
        // every 10th epoch plus the last, mean over the two ReLU seeds: valid loss 0.09+0.02 and 0.10+0.02
        assertTrue(text.contains("| 10 | 0.1160 | 0.1150 | 0.9730 | 2 |\n| 12 | 0.0960 | 0.0950 | 0.9750 | 2 |"),
                text);
        assertFalse(text.contains("| 11 |"), text);
    }

    @Test
    void rejectsNoRecordsAndDuplicateRuns() {
        RunRecord r = records().get(0);

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> MnistMlpReport.render(List.of(), COMMAND, docs));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> MnistMlpReport.render(List.of(r, r), COMMAND, docs));

        assertTrue(none.getMessage().contains("no run records"), none.getMessage());
        assertTrue(twice.getMessage().contains("relu seed 1"), twice.getMessage());
    }

    @Test
    void writeAtomicallyWritesTheText(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("docs/results/mnist-mlp.md");

        MnistMlpReport.writeAtomically(page, "# page\n");

        assertEquals("# page\n", Files.readString(page));
    }

    @Test
    void paperTablesAreKeyedByActivationName() {
        assertEquals(0.0837, PaperTables.forName("leaky_relu").orElseThrow().validationLoss());
        assertEquals(0.9376, PaperTables.forName("sigmoid").orElseThrow().testAccuracy());
        assertTrue(PaperTables.matching(
                org.activationlab.study.records.ActivationInfo.of(Activations.leakyRelu(0.3))).isEmpty());
    }
}
