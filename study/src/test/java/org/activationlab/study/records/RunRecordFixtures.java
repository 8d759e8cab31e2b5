package org.activationlab.study.records;

import java.util.ArrayList;
import java.util.List;
import org.activationlab.dsl.activations.Activation;

/** Small, fully specified run records for tests, with no training behind them. */
public final class RunRecordFixtures {

    private RunRecordFixtures() {
    }

    /** A finished run of {@code epochs} epochs whose final validation and test metrics are given. */
    public static RunRecord finished(Activation a, long seed, int epochs, double valLoss, double valAccuracy,
            double testF1, double testPrecision, double testRecall, double testAccuracy) {
        return RunRecord.builder("mnist-mlp", ActivationInfo.of(a), seed).protocol(protocol(a, epochs))
                .history(history(epochs, valLoss, valAccuracy))
                .validation(new SplitMetrics(7000, valLoss, valAccuracy, valAccuracy, valAccuracy, valAccuracy,
                        matrix(7000)))
                .test(new SplitMetrics(14000, 0.1, testAccuracy, testPrecision, testRecall, testF1, matrix(14000)))
                .trainingSeconds(12.5 * epochs).environment(environment())
                .command("bin/activation-lab mnist-mlp --seed " + seed).build();
    }

    /** A run whose loss became NaN at {@code epoch}, so its history stops there and it has no metrics. */
    public static RunRecord diverged(Activation a, long seed, int epochs, int epoch) {
        List<EpochRecord> history = new ArrayList<>(history(epoch - 1, 0.5, 0.5));
        history.add(new EpochRecord(epoch, Double.NaN, 0.1, Double.NaN, 0.098, 1.0, 0.25));
        return RunRecord.builder("mnist-mlp", ActivationInfo.of(a), seed).protocol(protocol(a, epochs))
                .divergedAt(epoch).history(history).trainingSeconds(1.25 * epoch).environment(environment())
                .command("bin/activation-lab mnist-mlp --seed " + seed).build();
    }

    /**
     * A finished mnist-cnn run: test accuracy after epoch e is {@code 0.95 + 0.005 * e} (so 0.98 is first reached
     * at epoch 6), each epoch trains for {@code epochSeconds}, and the final test error is {@code errorRate}.
     */
    public static RunRecord cnnFinished(Activation a, long seed, int epochs, double epochSeconds, double errorRate) {
        List<EpochRecord> history = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            history.add(new EpochRecord(e, 0.5 / e, 0.9, 0.2 / e, 0.95 + 0.005 * e, epochSeconds, 0.3));
        }
        int reached = epochs >= 6 ? 6 : 0;
        DawnBenchMetrics d = new DawnBenchMetrics("test", 0.98, reached, reached > 0 ? 6 * epochSeconds : Double.NaN,
                epochs * epochSeconds, epochs * (epochSeconds + 0.3), 1000, 0.0234, 200, 0.41, 0.52, errorRate);
        return RunRecord.builder("mnist-cnn", ActivationInfo.of(a), seed).protocol(protocol(a, epochs))
                .history(history).test(new SplitMetrics(10000, 0.05, 1 - errorRate, 0.98, 0.98, 0.98, matrix(10000)))
                .trainingSeconds(epochs * epochSeconds).section(DawnBenchMetrics.SECTION, d)
                .environment(environment()).command("bin/activation-lab reproduce mnist-cnn --seed " + seed).build();
    }

    /**
     * A finished run of {@code experiment} in {@code variant} with one probe per entry of {@code kernelNorms}
     * (epoch 0, 1, ...: the weight-gradient norm of each layer, input side first, then the output layer's) and
     * {@code dead[p][layer]} / {@code negative[p][layer]} unit fractions, and the given test accuracy.
     */
    public static RunRecord probed(String experiment, String variant, Activation a, long seed, double[][] kernelNorms,
            double[][] dead, double[][] negative, double testAccuracy) {
        List<ProbeRecord> probes = new ArrayList<>();
        for (int p = 0; p < kernelNorms.length; p++) {
            List<ProbeRecord.GradientNorm> norms = new ArrayList<>();
            for (int l = 0; l < kernelNorms[p].length; l++) {
                norms.add(new ProbeRecord.GradientNorm("dense_" + (l + 1) + "/kernel", kernelNorms[p][l]));
                norms.add(new ProbeRecord.GradientNorm("dense_" + (l + 1) + "/bias", kernelNorms[p][l] / 10));
            }
            List<ProbeRecord.UnitRecord> units = new ArrayList<>();
            for (int l = 0; l < dead[p].length; l++) {
                units.add(new ProbeRecord.UnitRecord("dense_" + (l + 1), 64, dead[p][l], negative[p][l]));
            }
            probes.add(new ProbeRecord(p, 1.0 / (p + 1), norms, units));
        }
        int epochs = kernelNorms.length - 1;
        return RunRecord.builder(experiment, ActivationInfo.of(a), seed).variant(variant).protocol(protocol(a, epochs))
                .history(history(epochs, 0.2, testAccuracy))
                .validation(new SplitMetrics(7000, 0.2, testAccuracy, testAccuracy, testAccuracy, testAccuracy,
                        matrix(7000)))
                .test(new SplitMetrics(14000, 0.2, testAccuracy, testAccuracy, testAccuracy, testAccuracy,
                        matrix(14000)))
                .trainingSeconds(epochs).environment(environment())
                .command("bin/activation-lab study " + experiment + " --seeds 3").section(Probes.SECTION,
                        new Probes(probes)).build();
    }

    /** Epochs 1..n with losses falling to {@code finalValLoss}, accuracy rising to {@code finalValAccuracy}. */
    public static List<EpochRecord> history(int n, double finalValLoss, double finalValAccuracy) {
        List<EpochRecord> out = new ArrayList<>();
        for (int e = 1; e <= n; e++) {
            double left = n - e;
            out.add(new EpochRecord(e, finalValLoss + 0.01 * left + 0.001, finalValAccuracy - 0.001 * left,
                    finalValLoss + 0.01 * left, finalValAccuracy - 0.001 * left, 1.0, 0.25));
        }
        return out;
    }

    public static Protocol protocol(Activation a, int epochs) {
        return Protocol.builder()
                .model("Sequential.of(Input(784), Dense(128)." + a.displayName() + ", Dense(10).Softmax())", 109_386)
                .optimizer("SGD(lr=0.1, momentum=0.0, nesterov=false)").batchSize(32).epochs(epochs)
                .split("MNIST 70,000 stratified 7:2:1 seed 1: train 49,000 / test 14,000 / valid 7,000")
                .deterministic(true).dataSource("MNIST (canonical IDX, sha256-verified) from a test mirror")
                .initializer(a.preferredInitializer().name()).build();
    }

    public static EnvironmentInfo environment() {
        return new EnvironmentInfo("0.1.0-SNAPSHOT", "17.0.12", "Eclipse Adoptium", "Linux 6.1", "amd64",
                "Test CPU @ 3.00GHz", 8, "2.18.0", "0123456789abcdef0123456789abcdef01234567", 0, true);
    }

    /** A 3-class confusion matrix whose counts add up to {@code examples}. */
    public static long[][] matrix(long examples) {
        long third = examples / 3;
        return new long[][] {{third - 2, 1, 1}, {0, third - 1, 1}, {2, 0, examples - 3 * third + third - 2}};
    }
}
