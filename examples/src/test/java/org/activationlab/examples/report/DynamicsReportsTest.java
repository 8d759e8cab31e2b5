package org.activationlab.examples.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecordFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynamicsReportsTest {

    @TempDir
    Path docs;

    /** Norms of 5 hidden layers and the output layer, shrinking by {@code d} per layer towards the input. */
    private static double[] geometric(double d, double jitter) {
        double[] norms = new double[6];
        for (int l = 0; l < 5; l++) {
            norms[l] = Math.pow(d, 4 - l) * (1 + jitter);
        }
        norms[5] = 2;
        return norms;
    }

    private static RunRecord vanishing(Activation a, long seed, double d, double accuracy) {
        return vanishing("depth-5-width-64", a, seed, d, accuracy);
    }

    private static RunRecord vanishing(String variant, Activation a, long seed, double d, double accuracy) {
        double jitter = 0.01 * seed;
        double[][] zeros = {{0}, {0}};
        return RunRecordFixtures.probed("vanishing-gradients", variant, a, seed,
                new double[][] {geometric(d * (1 + 0.002 * seed), jitter), geometric(d, jitter)}, zeros, zeros,
                accuracy);
    }

    @Test
    void vanishingGradientsPageMeasuresTheFactorAndJudgesTheClaim() throws Exception {
        List<RunRecord> records = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            records.add(vanishing(Activations.sigmoid(), seed, 0.2, 0.11));
            records.add(vanishing(Activations.relu(), seed, 1.0, 0.95));
        }

        String page = VanishingGradientsReport.render(records, docs);

        assertTrue(page.contains("| Sigmoid | 3 | 0.20"), page);
        assertTrue(page.contains("Sigmoid's gradients vanish towards the input: held"), page);
        assertTrue(page.contains("By at most 0.25 per layer: held"), page);
        assertTrue(page.contains("ReLU keeps the gradient flowing: held"), page);
        assertTrue(Files.size(docs.resolve("img/vanishing-gradients/depth-5-width-64/norm-by-layer-init.png")) > 0);
    }

    @Test
    void vanishingClaimIsNotHeldWhenSigmoidDoesNotDecay() {
        List<RunRecord> records = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            records.add(vanishing(Activations.sigmoid(), seed, 1.0, 0.9));
            records.add(vanishing(Activations.relu(), seed, 1.0, 0.95));
        }

        String page = VanishingGradientsReport.render(records, docs);

        assertTrue(page.contains("Sigmoid's gradients vanish towards the input: not held"), page);
        assertTrue(page.contains("ReLU keeps the gradient flowing: not held"), page);
    }

    @Test
    void severalDepthsGetTheirOwnSectionsInDepthOrderAndAComparison() {
        List<RunRecord> records = new ArrayList<>();
        for (String variant : List.of("depth-20-width-64", "depth-5-width-64")) {
            for (long seed = 1; seed <= 2; seed++) {
                records.add(vanishing(variant, Activations.sigmoid(), seed, 0.2, 0.11));
                records.add(vanishing(variant, Activations.relu(), seed, 1.0, 0.95));
            }
        }

        String page = VanishingGradientsReport.render(records, docs);

        assertTrue(page.contains("## Across depths"), page);
        int five = page.indexOf("## depth-5-width-64");
        int twenty = page.indexOf("## depth-20-width-64");
        assertTrue(five > 0 && twenty > five, "depth 5 comes before depth 20: " + page);
        assertTrue(page.contains("### Did the claim hold?"), page);
    }

    private static RunRecord dying(String lr, Activation a, long seed, double dead, double negative,
            double accuracy) {
        double[][] d = {{0, 0}, {dead, dead / 2}};
        double[][] n = {{0, 0}, {negative, negative / 2}};
        RunRecord r = RunRecordFixtures.probed("dying-relu", "lr-" + lr, a, seed, new double[][] {{1, 1, 1},
                {1, 1, 1}}, d, n, accuracy);
        return r.withProtocol(r.protocol().withSetting("learning_rate", lr));
    }

    @Test
    void dyingReluPageSeesReluUnitsDieAndEluUnitsSaturate() throws Exception {
        List<RunRecord> records = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            double s = 0.01 * seed;
            records.add(dying("0.1", Activations.relu(), seed, 0.01 * s, 0.01 * s, 0.97));
            records.add(dying("1", Activations.relu(), seed, 0.7 + s, 0.7 + s, 0.9));
            records.add(dying("0.1", Activations.leakyRelu(0.01), seed, 0, 0.01, 0.97));
            records.add(dying("1", Activations.leakyRelu(0.01), seed, 0, 0.5 + s, 0.95));
            records.add(dying("0.1", Activations.elu(), seed, 0, 0, 0.97));
            records.add(dying("1", Activations.elu(), seed, 0, 0.99, 0.1));
        }

        String page = DyingReluReport.render(records, docs);

        assertTrue(page.contains("ReLU units die, more with larger learning rates: held"), page);
        assertTrue(page.contains("| 1 | ReLU | 3 | all finished | 72.0%"), page);
        assertTrue(page.contains("LeakyReLU avoids dead units: held"), page);
        assertTrue(page.contains("ELU avoids dead units: not held"), page);
        assertTrue(page.contains("lr 1: 99.0% of hidden-1 units with negative input"), page);
        assertTrue(Files.size(docs.resolve("img/dying-relu/dead-by-learning-rate.png")) > 0);
    }
}
