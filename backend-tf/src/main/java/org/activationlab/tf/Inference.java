package org.activationlab.tf;

import java.util.Arrays;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.tf.metrics.ConfusionMatrix;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.metrics.InferenceTiming;
import org.tensorflow.Result;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Evaluation, prediction and inference timing on a compiled model's inference subgraphs. */
final class Inference {

    private final TrainingGraph g;

    Inference(TrainingGraph graph) {
        this.g = graph;
    }

    /** Loss, accuracy and confusion matrix on {@code data} in batches of {@code batchSize}. */
    Evaluation evaluate(Dataset data, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("evaluation batch size must be > 0, got " + batchSize);
        }
        long start = System.nanoTime();
        g.evalSlot().upload(g.session(), data);
        int[] predicted = new int[data.size()];
        double lossTotal = 0;
        for (int from = 0; from < data.size(); from += batchSize) {
            int to = Math.min(from + batchSize, data.size());
            try (TInt32 indices = TInt32.vectorOf(InputChecks.range(from, to));
                    Result r = g.evalSlot().feed(g.session().runner()).feed(g.evalIndices(), indices)
                            .fetch(g.evalLossSum()).fetch(g.evalPredictions()).run()) {
                lossTotal += ((TFloat32) r.get(0)).getFloat();
                ((TInt32) r.get(1)).copyTo(DataBuffers.of(predicted, false, false).slice(from, to - from));
            }
        }
        ConfusionMatrix confusion = ConfusionMatrix.of(g.numClasses(), data.labels(), predicted);
        return new Evaluation(data.size(), lossTotal / data.size(), confusion, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The whole set in batches of {@code batchSize} from graph-resident data, then {@code repeats} single-sample
     * predictions fed from Java (cycling through the set) after as many untimed ones.
     */
    InferenceTiming time(Dataset data, int batchSize, int repeats) {
        if (batchSize <= 0 || repeats <= 0) {
            throw new IllegalArgumentException("inference batch size and repeats must be > 0, got " + batchSize
                    + " and " + repeats);
        }
        g.evalSlot().upload(g.session(), data);
        int n = data.size();
        predictBatch(0, Math.min(batchSize, n));
        long start = System.nanoTime();
        for (int from = 0; from < n; from += batchSize) {
            predictBatch(from, Math.min(from + batchSize, n));
        }
        double batchedMillis = (System.nanoTime() - start) / 1e6 / n;
        int sampleSize = (int) g.model().inputShape().elements();
        float[] features = data.features();
        double[] latencies = new double[repeats];
        for (int r = -repeats; r < repeats; r++) {
            int i = Math.floorMod(r, n);
            float[] one = Arrays.copyOfRange(features, i * sampleSize, (i + 1) * sampleSize);
            long t = System.nanoTime();
            probabilities(one, 1);
            if (r >= 0) {
                latencies[r] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(latencies);
        return new InferenceTiming(n, batchSize, batchedMillis, repeats, percentile(latencies, 0.5),
                percentile(latencies, 0.9));
    }

    /** The nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private void predictBatch(int from, int to) {
        try (TInt32 indices = TInt32.vectorOf(InputChecks.range(from, to));
                Result r = g.evalSlot().feed(g.session().runner()).feed(g.evalIndices(), indices)
                        .fetch(g.evalPredictions()).run()) {
            // the predictions are computed; timing needs nothing from them
        }
    }

    /** Class probabilities for {@code n} samples laid out row-major, {@code n * classes} values. */
    float[] probabilities(float[] features, int n) {
        Sequential model = g.model();
        long sample = model.inputShape().elements();
        if (n <= 0 || features.length != n * sample) {
            throw new IllegalArgumentException("expected " + n + " samples of " + sample + " features ("
                    + n * sample + " floats), got " + features.length + " floats");
        }
        float[] out = new float[n * g.numClasses()];
        try (TFloat32 x = TFloat32.tensorOf(DatasetTensors.batchShape(n, model.inputShape().dims()),
                DataBuffers.of(features, true, false));
                Result r = g.session().runner().feed(g.predictInput(), x).fetch(g.probabilities()).run()) {
            ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
        }
        return out;
    }

    /** The most probable class of each sample in {@code data}. */
    int[] classes(Dataset data) {
        int k = g.numClasses();
        float[] p = probabilities(data.features(), data.size());
        int[] classes = new int[data.size()];
        for (int i = 0; i < classes.length; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (p[i * k + c] > p[i * k + best]) {
                    best = c;
                }
            }
            classes[i] = best;
        }
        return classes;
    }
}
