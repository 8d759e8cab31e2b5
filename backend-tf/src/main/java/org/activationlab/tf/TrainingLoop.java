package org.activationlab.tf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.activationlab.data.Dataset;
import org.activationlab.data.split.Splits;
import org.activationlab.tf.callbacks.Callback;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.probes.ProbeStats;
import org.activationlab.tf.training.EpochStats;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import org.activationlab.tf.training.RunningMetrics;
import org.activationlab.tf.training.TrainingListener;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TInt32;

/**
 * The training loop: shuffles the resident training set each epoch, runs one graph step per batch, validates,
 * probes, detects divergence, and reports to the listeners and callbacks.
 */
final class TrainingLoop {

    private final TrainingGraph g;
    private final Inference inference;
    private int epochsTrained;

    TrainingLoop(TrainingGraph graph, Inference inference) {
        this.g = graph;
        this.inference = inference;
    }

    /** The number of epochs trained so far, over every {@code fit}. */
    int epochsTrained() {
        return epochsTrained;
    }

    History fit(CompiledModel owner, Dataset train, FitOptions options) {
        if (options.probeSize() > train.size()) {
            throw new IllegalArgumentException("the probe batch (" + options.probeSize() + " examples) must not be "
                    + "larger than the training set '" + train.name() + "' (" + train.size() + ")");
        }
        g.trainSlot().upload(g.session(), train);
        SplittableRandom shuffle = new SplittableRandom(options.shuffleSeed());
        int[] order = InputChecks.range(0, train.size());
        int steps = (train.size() + options.batchSize() - 1) / options.batchSize();
        g.setStepsPerEpoch(steps);
        List<TrainingListener> listeners = options.listeners();
        listeners.forEach(l -> l.onTrainBegin(options.epochs(), steps));
        options.callbacks().forEach(c -> c.onTrainBegin(owner));
        int[] probeBatch = options.probeSize() > 0 ? probeIndices(train.size(), options) : null;
        String[] stopReason = {null};
        History resumed = options.resumeFrom();
        if (resumed != null) {
            options.callbacks().forEach(c -> c.onResume(resumed, reason -> stopReason[0] = reason));
        }
        List<ProbeStats> probes = new ArrayList<>(resumed == null ? List.of() : resumed.probes());
        List<EpochStats> epochs = new ArrayList<>(resumed == null ? List.of() : resumed.epochs());
        // a resumed run replays the shuffles of the epochs it skips, so epoch k sees the order it would have seen
        for (int skipped = 0; skipped < epochs.size(); skipped++) {
            Splits.shuffle(order, shuffle);
        }
        epochsTrained += epochs.size();
        if (probeBatch != null && resumed == null) {
            ProbeStats initial = probe(probeBatch);
            probes.add(initial);
            options.callbacks().forEach(c -> c.onProbe(initial));
        }
        int divergedEpoch = 0;
        Running running = new Running();
        for (int epoch = epochs.size() + 1; epoch <= options.epochs() && stopReason[0] == null; epoch++) {
            Splits.shuffle(order, shuffle);
            g.resetMetrics();
            double learningRate = g.learningRate();
            int current = epoch;
            listeners.forEach(l -> l.onEpochBegin(current));
            long start = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                int from = s * options.batchSize();
                int to = Math.min(from + options.batchSize(), order.length);
                try (TInt32 idx = TInt32.tensorOf(org.tensorflow.ndarray.Shape.of(to - from),
                        DataBuffers.of(Arrays.copyOfRange(order, from, to), true, false))) {
                    g.step(idx);
                }
                if (!listeners.isEmpty()) {
                    running.stale = true;
                    for (TrainingListener l : listeners) {
                        l.onStep(epoch, s + 1, running);
                    }
                }
            }
            double[] metrics = g.metrics();
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            double valLoss = Double.NaN;
            double valAccuracy = Double.NaN;
            double evalSeconds = 0;
            boolean diverged = !Double.isFinite(metrics[0]);
            if (options.validation() != null && !diverged) {
                Evaluation val = inference.evaluate(options.validation(), options.evalBatchSize());
                valLoss = val.loss();
                valAccuracy = val.accuracy();
                evalSeconds = val.seconds();
            }
            EpochStats stats = new EpochStats(epoch, metrics[0], metrics[1], valLoss, valAccuracy, trainSeconds,
                    evalSeconds, learningRate);
            epochs.add(stats);
            epochsTrained++;
            listeners.forEach(l -> l.onEpochEnd(stats));
            if (probeBatch != null && !diverged) {
                ProbeStats p = probe(probeBatch);
                probes.add(p);
                options.callbacks().forEach(c -> c.onProbe(p));
            }
            if (diverged) {
                divergedEpoch = epoch;
                stopReason[0] = "training loss became " + metrics[0] + " in epoch " + epoch;
                break;
            }
            for (Callback c : options.callbacks()) {
                c.onEpochEnd(stats, reason -> stopReason[0] = reason);
            }
        }
        options.callbacks().forEach(Callback::onTrainEnd);
        History history = new History(epochs, stopReason[0], divergedEpoch, probes);
        listeners.forEach(l -> l.onTrainEnd(history));
        return history;
    }

    /** The epoch's running loss and accuracy, read from the graph at most once per step and only if asked. */
    private final class Running implements RunningMetrics {
        private boolean stale = true;
        private double[] values;

        private double[] values() {
            if (stale) {
                values = g.metrics();
                stale = false;
            }
            return values;
        }

        @Override
        public double loss() {
            return values()[0];
        }

        @Override
        public double accuracy() {
            return values()[1];
        }
    }

    /** A fixed sample of the training set, the same for every epoch: a seeded draw without replacement. */
    private static int[] probeIndices(int trainSize, FitOptions options) {
        int[] all = InputChecks.range(0, trainSize);
        // a stream apart from the epoch shuffles', so probing does not change the training order
        Splits.shuffle(all, new SplittableRandom(options.shuffleSeed() * 31 + 17));
        int[] chosen = Arrays.copyOf(all, options.probeSize());
        Arrays.sort(chosen);
        return chosen;
    }

    private ProbeStats probe(int[] indices) {
        try (TInt32 idx = TInt32.vectorOf(indices)) {
            return g.probe(idx, epochsTrained);
        }
    }
}
