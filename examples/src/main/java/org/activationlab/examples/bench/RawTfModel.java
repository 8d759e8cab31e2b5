package org.activationlab.examples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.activationlab.data.Dataset;
import org.activationlab.data.split.Splits;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * What the hand-written baselines share: a graph with placeholders {@code x} (a batch of samples) and {@code y}
 * (their labels), on which a subclass builds its layers, loss and optimizer by hand from core ops, and the session
 * that trains and evaluates it. Training is fed the simplest way: every step copies the batch's samples into a
 * reusable Java array, wraps it in a new {@link TFloat32} (and the labels in a new {@link TInt32}) fed to the
 * placeholders, and runs one {@code Session.run} that fetches nothing. Every tensor and every {@link Result} is
 * closed. Close the model to free its graph and session.
 */
abstract class RawTfModel implements AutoCloseable {

    private static final int EVAL_BATCH_SIZE = 1000;

    /** What a subclass's graph gives the base: the op of one training step and each sample's predicted class. */
    record Endpoints(Op trainStep, Operand<TInt32> predictions) {
    }

    /** Builds a model's graph on {@code x} and {@code y}, creating its variables through {@code vars}. */
    @FunctionalInterface
    interface GraphBuilder {
        Endpoints build(Ops tf, Variables vars, Placeholder<TFloat32> x, Placeholder<TInt32> y);
    }

    /** Creates a model's variables and, once the session exists, assigns all their initial values in one run. */
    static final class Variables {

        private final Ops tf;
        private final List<String> names = new ArrayList<>();
        private final List<Placeholder<TFloat32>> inputs = new ArrayList<>();
        private final List<float[]> values = new ArrayList<>();
        private final List<Op> assigns = new ArrayList<>();

        private Variables(Ops tf) {
            this.tf = tf;
        }

        /** A variable filled once from Java through a placeholder (no copy of the values lives in the graph). */
        Variable<TFloat32> fed(String name, Shape shape, float[] initial) {
            Variable<TFloat32> v = variable(name, shape);
            Placeholder<TFloat32> in = tf.withName(name + "_init").placeholder(TFloat32.class,
                    Placeholder.shape(shape));
            inputs.add(in);
            values.add(initial);
            assigns.add(tf.assign(v, in));
            return v;
        }

        /** A variable filled with {@code value} by an op in the graph, such as optimizer state. */
        Variable<TFloat32> filled(String name, Shape shape, float value) {
            Variable<TFloat32> v = variable(name, shape);
            assigns.add(tf.assign(v, tf.fill(tf.constant(shape), tf.constant(value))));
            return v;
        }

        /** {@code size} values drawn from U(-limit, limit), for a kernel to pass to {@link #fed}. */
        static float[] uniform(int size, double limit, SplittableRandom random) {
            float[] values = new float[size];
            for (int k = 0; k < size; k++) {
                values[k] = (float) ((random.nextDouble() * 2 - 1) * limit);
            }
            return values;
        }

        private Variable<TFloat32> variable(String name, Shape shape) {
            names.add(name);
            return tf.withName(name).variable(shape, TFloat32.class);
        }

        @SuppressWarnings("try") // the Result is opened only to be closed
        private void initialise(Session session) {
            List<TFloat32> tensors = new ArrayList<>();
            try {
                Session.Runner runner = session.runner();
                for (int i = 0; i < inputs.size(); i++) {
                    TFloat32 t = TFloat32.tensorOf(inputs.get(i).shape(), DataBuffers.of(values.get(i), true, false));
                    tensors.add(t);
                    runner.feed(inputs.get(i), t);
                }
                assigns.forEach(runner::addTarget);
                try (Result r = runner.run()) {
                    // the variables now hold their initial values
                }
            } finally {
                tensors.forEach(TFloat32::close);
            }
        }
    }

    private final String name;
    private final int[] sampleShape;
    private final int sampleSize;
    private final int classes;
    private final Graph graph;
    private final Session session;
    private final Placeholder<TFloat32> x;
    private final Placeholder<TInt32> y;
    private final Op trainStep;
    private final Operand<TInt32> predictions;
    private final List<String> variableNames;
    private final float[] batchFeatures;
    private final int[] batchLabels;

    /**
     * Builds the graph with {@code builder} and initialises its variables. The model, called {@code name} in
     * errors, trains in batches of {@code batchSize} samples of {@code sampleShape} with at most {@code classes}
     * classes; a flat {@code sampleShape} (one dimension) takes samples of any shape with that many values.
     */
    RawTfModel(String name, int[] sampleShape, int batchSize, int classes, GraphBuilder builder) {
        this.name = name;
        this.sampleShape = sampleShape.clone();
        this.sampleSize = Arrays.stream(sampleShape).reduce(1, Math::multiplyExact);
        this.classes = classes;
        batchFeatures = new float[batchSize * sampleSize];
        batchLabels = new int[batchSize];
        graph = new Graph();
        Session opened = null;
        try {
            Ops tf = Ops.create(graph);
            x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(batchShape(Shape.UNKNOWN_SIZE)));
            y = tf.withName("y").placeholder(TInt32.class, Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE)));
            Variables vars = new Variables(tf);
            Endpoints endpoints = builder.build(tf, vars, x, y);
            trainStep = endpoints.trainStep();
            predictions = endpoints.predictions();
            variableNames = List.copyOf(vars.names);
            opened = new Session(graph);
            vars.initialise(opened);
        } catch (RuntimeException e) {
            // Graph.close waits until every session on the graph is closed
            if (opened != null) {
                opened.close();
            }
            graph.close();
            throw e;
        }
        session = opened;
    }

    /**
     * {@code tf} with control dependencies on every gradient in {@code grads}, for the optimizer's updates.
     * Backpropagation reads the weights while the update ops write them in place: an update that ran before every
     * gradient was computed would corrupt the remaining ones. Gating the updates on all gradients is what the DSL
     * backend does too, so both variants pay the same.
     */
    static Ops afterAllGradients(Ops tf, Gradients grads) {
        List<Op> computed = new ArrayList<>();
        for (Output<?> gradient : grads.dy()) {
            computed.add(tf.identity(gradient));
        }
        return tf.withControlDependencies(computed);
    }

    /**
     * Trains one epoch over {@code train} in an order shuffled with {@code seed} (the last batch may be smaller)
     * and returns the wall time of the training loop in seconds; shuffling happens before the clock starts.
     */
    @SuppressWarnings("try") // the Result is opened only to be closed
    public double trainEpochSeconds(Dataset train, long seed) {
        check(train);
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Splits.shuffle(order, new SplittableRandom(seed));
        float[] features = train.features();
        int batchSize = batchLabels.length;
        long start = System.nanoTime();
        for (int from = 0; from < order.length; from += batchSize) {
            int n = Math.min(batchSize, order.length - from);
            for (int k = 0; k < n; k++) {
                int sample = order[from + k];
                System.arraycopy(features, sample * sampleSize, batchFeatures, k * sampleSize, sampleSize);
                batchLabels[k] = train.label(sample);
            }
            try (TFloat32 xs = TFloat32.tensorOf(batchShape(n),
                            DataBuffers.of(batchFeatures, true, false).narrow((long) n * sampleSize));
                    TInt32 ys = TInt32.tensorOf(Shape.of(n), DataBuffers.of(batchLabels, true, false).narrow(n));
                    Result r = session.runner().feed(x, xs).feed(y, ys).addTarget(trainStep).run()) {
                // the update lives in the graph's variables; nothing is fetched
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The fraction of {@code data} whose predicted class is its label (outside any timing). */
    public double accuracy(Dataset data) {
        check(data);
        float[] features = data.features();
        int[] predicted = new int[EVAL_BATCH_SIZE];
        long correct = 0;
        for (int from = 0; from < data.size(); from += EVAL_BATCH_SIZE) {
            int n = Math.min(EVAL_BATCH_SIZE, data.size() - from);
            try (TFloat32 xs = TFloat32.tensorOf(batchShape(n), DataBuffers.of(features, true, false)
                            .slice((long) from * sampleSize, (long) n * sampleSize));
                    Result r = session.runner().feed(x, xs).fetch(predictions).run()) {
                ((TInt32) r.get(0)).copyTo(DataBuffers.of(predicted, false, false).narrow(n));
            }
            for (int k = 0; k < n; k++) {
                if (predicted[k] == data.label(from + k)) {
                    correct++;
                }
            }
        }
        return (double) correct / data.size();
    }

    /**
     * The current values of the graph variable {@code variable} (a parameter or optimizer state), flattened; lets
     * tests see that a step changes what it should.
     */
    float[] variable(String variable) {
        if (!variableNames.contains(variable)) {
            throw new IllegalArgumentException("the " + name + " has no variable '" + variable + "'; its variables are "
                    + String.join(", ", variableNames));
        }
        try (Result r = session.runner().fetch(variable).run()) {
            TFloat32 t = (TFloat32) r.get(0);
            float[] values = new float[(int) t.size()];
            t.copyTo(DataBuffers.of(values, false, false));
            return values;
        }
    }

    /** The shape of a batch of {@code n} samples ({@link Shape#UNKNOWN_SIZE} for any number). */
    private Shape batchShape(long n) {
        long[] dims = new long[sampleShape.length + 1];
        dims[0] = n;
        for (int i = 0; i < sampleShape.length; i++) {
            dims[i + 1] = sampleShape[i];
        }
        return Shape.of(dims);
    }

    private void check(Dataset data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("dataset '" + data.name() + "' is empty");
        }
        boolean flat = sampleShape.length == 1;
        boolean fits = flat ? data.sampleSize() == sampleSize : Arrays.equals(data.sampleShape(), sampleShape);
        if (!fits || data.numClasses() > classes) {
            throw new IllegalArgumentException("the " + name + " takes samples of "
                    + (flat ? sampleSize + " values" : "shape " + Arrays.toString(sampleShape)) + " and at most "
                    + classes + " classes; dataset '" + data.name() + "' has samples of shape "
                    + Arrays.toString(data.sampleShape()) + " and " + data.numClasses() + " classes");
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
