package org.activationlab.tf;

import static org.activationlab.dsl.Layers.batchNorm;
import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.layers.BatchNorm;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.training.FitOptions;
import org.junit.jupiter.api.Test;

/**
 * Batch norm over a 2x2x3 image, checked against the same arithmetic done in Java: batch statistics (biased
 * variance) while training, moving statistics at inference, and PyTorch's moving-average update with the unbiased
 * batch variance.
 */
class BatchNormBehaviourTest {

    private static final int N = 8;
    private static final int POSITIONS = 4;
    private static final int C = 3;
    private static final double MOMENTUM = 0.2;
    private static final double EPSILON = 1e-3;
    private static final float[] GAMMA = {1.5f, 0.5f, 2f};
    private static final float[] BETA = {0.1f, -0.2f, 0.3f};

    private final Dataset batch = FiniteDifferences.randomBatch(N, new int[] {2, 2, C}, 2, 21);

    @Test
    void trainingStepUpdatesMovingStatisticsWithTheBatchMeanAndUnbiasedVariance() {
        try (CompiledModel model = compile()) {
            model.fit(batch, FitOptions.builder(1, N).build());
            Map<String, float[]> buffers = model.buffers();
            double[][] stats = channelStats(batch.features());
            for (int c = 0; c < C; c++) {
                double unbiased = stats[1][c] * (N * POSITIONS) / (N * POSITIONS - 1);
                assertEquals(MOMENTUM * stats[0][c], buffers.get("batchnorm_1/moving_mean")[c], 1e-5);
                assertEquals((1 - MOMENTUM) + MOMENTUM * unbiased, buffers.get("batchnorm_1/moving_variance")[c],
                        1e-4);
            }
        }
    }

    @Test
    void trainingLossUsesBatchStatistics() {
        try (CompiledModel model = compile()) {
            double[][] stats = channelStats(batch.features());
            assertEquals(expectedLoss(stats[0], stats[1]), model.trainingLoss(batch), 1e-4);
        }
    }

    @Test
    void evaluationUsesMovingStatistics() {
        try (CompiledModel model = compile()) {
            double[] mean = {0.5, -1, 0.25};
            double[] variance = {2, 0.5, 1.5};
            model.setWeights(Map.of("batchnorm_1/moving_mean", toFloats(mean), "batchnorm_1/moving_variance",
                    toFloats(variance)));
            assertEquals(expectedLoss(mean, variance), model.evaluate(batch).loss(), 1e-4);
        }
    }

    private CompiledModel compile() {
        Sequential model = Sequential.of(input(2, 2, C), new BatchNorm(MOMENTUM, EPSILON, true, true, null), flatten(),
                dense(2).withBias(false).softmax());
        CompiledModel compiled = ModelCompiler.compile(model, TrainingConfig.of(Sgd.of(0.01), 1));
        compiled.setWeights(Map.of("batchnorm_1/gamma", GAMMA, "batchnorm_1/beta", BETA, "dense_1/kernel", kernel()));
        return compiled;
    }

    private static float[] kernel() {
        float[] k = new float[POSITIONS * C * 2];
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) Math.sin(i + 1) * 0.5f;
        }
        return k;
    }

    /** Per-channel mean and biased variance over the batch and the image's positions. */
    private static double[][] channelStats(float[] x) {
        double[] mean = new double[C];
        double[] variance = new double[C];
        int count = N * POSITIONS;
        for (int i = 0; i < x.length; i++) {
            mean[i % C] += x[i] / count;
        }
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean[i % C];
            variance[i % C] += d * d / count;
        }
        return new double[][] {mean, variance};
    }

    /** Mean cross-entropy of the batch when normalised with the given statistics. */
    private double expectedLoss(double[] mean, double[] variance) {
        float[] x = batch.features();
        float[] k = kernel();
        double total = 0;
        for (int n = 0; n < N; n++) {
            double[] z = new double[2];
            for (int f = 0; f < POSITIONS * C; f++) {
                int c = f % C;
                double normalised = (x[n * POSITIONS * C + f] - mean[c]) / Math.sqrt(variance[c] + EPSILON);
                double y = GAMMA[c] * normalised + BETA[c];
                z[0] += y * k[f * 2];
                z[1] += y * k[f * 2 + 1];
            }
            double logSum = Math.log(Math.exp(z[0]) + Math.exp(z[1]));
            total += logSum - z[batch.label(n)];
        }
        return total / N;
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
