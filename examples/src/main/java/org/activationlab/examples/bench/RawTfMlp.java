package org.activationlab.examples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.activationlab.data.Dataset;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
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
 * The benchmark's baseline: the MNIST MLP 784-128-64-10 (ReLU, ReLU, softmax cross-entropy on one-hot labels,
 * plain SGD with learning rate 0.01, batches of 64) written by hand on TensorFlow Java's core ops, without the DSL,
 * and fed the simplest way: every step copies the batch's rows into a reusable Java array, wraps it in a new
 * {@link TFloat32} (and the labels in a new {@link TInt32}) fed to placeholders, and runs one {@code Session.run}
 * that fetches nothing. Every tensor and every {@link Result} is closed. Close the model to free its graph and
 * session.
 */
public final class RawTfMlp implements AutoCloseable {

    public static final int INPUT = 784;
    public static final int HIDDEN_1 = 128;
    public static final int HIDDEN_2 = 64;
    public static final int CLASSES = 10;
    public static final int BATCH_SIZE = 64;
    public static final float LEARNING_RATE = 0.01f;

    private static final int EVAL_BATCH_SIZE = 1000;

    private final Graph graph;
    private final Session session;
    private final Placeholder<TFloat32> x;
    private final Placeholder<TInt32> y;
    private final Op trainStep;
    private final Operand<TInt32> predictions;
    private final float[] batchFeatures = new float[BATCH_SIZE * INPUT];
    private final int[] batchLabels = new int[BATCH_SIZE];

    /** Builds the graph and draws the initial weights from {@code initSeed} (He-uniform for the ReLU layers,
     * Glorot-uniform for the output layer, zero biases). */
    public RawTfMlp(long initSeed) {
        graph = new Graph();
        try {
            Ops tf = Ops.create(graph);
            x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE, INPUT)));
            y = tf.withName("y").placeholder(TInt32.class, Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE)));

            List<Variable<TFloat32>> vars = new ArrayList<>();
            List<Placeholder<TFloat32>> initInputs = new ArrayList<>();
            List<Op> initAssigns = new ArrayList<>();
            List<float[]> initValues = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(initSeed);
            int[][] layers = {{INPUT, HIDDEN_1}, {HIDDEN_1, HIDDEN_2}, {HIDDEN_2, CLASSES}};
            for (int l = 0; l < layers.length; l++) {
                int fanIn = layers[l][0];
                int fanOut = layers[l][1];
                double limit = l < layers.length - 1
                        ? Math.sqrt(6.0 / fanIn) // He-uniform before ReLU
                        : Math.sqrt(6.0 / (fanIn + fanOut)); // Glorot-uniform before softmax
                float[] kernel = new float[fanIn * fanOut];
                for (int k = 0; k < kernel.length; k++) {
                    kernel[k] = (float) ((random.nextDouble() * 2 - 1) * limit);
                }
                addVariable(tf, "w" + (l + 1), Shape.of(fanIn, fanOut), kernel, vars, initInputs, initAssigns,
                        initValues);
                addVariable(tf, "b" + (l + 1), Shape.of(fanOut), new float[fanOut], vars, initInputs, initAssigns,
                        initValues);
            }

            Operand<TFloat32> h1 = tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(x, vars.get(0)), vars.get(1)));
            Operand<TFloat32> h2 = tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(h1, vars.get(2)), vars.get(3)));
            Operand<TFloat32> logits = tf.nn.biasAdd(tf.linalg.matMul(h2, vars.get(4)), vars.get(5));
            Operand<TFloat32> oneHot = tf.oneHot(y, tf.constant(CLASSES), tf.constant(1f), tf.constant(0f));
            Operand<TFloat32> loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss(),
                    tf.constant(0));

            Gradients grads = tf.gradients(loss, vars);
            Operand<TFloat32> lr = tf.constant(LEARNING_RATE);
            List<Op> updates = new ArrayList<>();
            for (int i = 0; i < vars.size(); i++) {
                updates.add(tf.train.applyGradientDescent(vars.get(i), lr, grads.<TFloat32>dy(i)));
            }
            trainStep = tf.withControlDependencies(updates).withName("train_step").noOp();
            predictions = tf.math.argMax(logits, tf.constant(1), TInt32.class);

            session = new Session(graph);
            initialise(initInputs, initAssigns, initValues);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    private static void addVariable(Ops tf, String name, Shape shape, float[] initial, List<Variable<TFloat32>> vars,
            List<Placeholder<TFloat32>> initInputs, List<Op> initAssigns, List<float[]> initValues) {
        Variable<TFloat32> v = tf.withName(name).variable(shape, TFloat32.class);
        Placeholder<TFloat32> in = tf.withName(name + "_init").placeholder(TFloat32.class, Placeholder.shape(shape));
        vars.add(v);
        initInputs.add(in);
        initAssigns.add(tf.assign(v, in));
        initValues.add(initial);
    }

    @SuppressWarnings("try") // the Result is opened only to be closed
    private void initialise(List<Placeholder<TFloat32>> inputs, List<Op> assigns, List<float[]> values) {
        List<TFloat32> tensors = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (int i = 0; i < inputs.size(); i++) {
                TFloat32 t = TFloat32.tensorOf(inputs.get(i).shape(), DataBuffers.of(values.get(i), true, false));
                tensors.add(t);
                runner.feed(inputs.get(i), t).addTarget(assigns.get(i));
            }
            try (Result r = runner.run()) {
                // the variables now hold their initial values
            }
        } finally {
            tensors.forEach(TFloat32::close);
        }
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
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float[] features = train.features();
        long start = System.nanoTime();
        for (int from = 0; from < order.length; from += BATCH_SIZE) {
            int n = Math.min(BATCH_SIZE, order.length - from);
            for (int k = 0; k < n; k++) {
                int sample = order[from + k];
                System.arraycopy(features, sample * INPUT, batchFeatures, k * INPUT, INPUT);
                batchLabels[k] = train.label(sample);
            }
            try (TFloat32 xs = TFloat32.tensorOf(Shape.of(n, INPUT),
                            DataBuffers.of(batchFeatures, true, false).narrow((long) n * INPUT));
                    TInt32 ys = TInt32.tensorOf(Shape.of(n), DataBuffers.of(batchLabels, true, false).narrow(n));
                    Result r = session.runner().feed(x, xs).feed(y, ys).addTarget(trainStep).run()) {
                // the update lives in the graph's variables; nothing is fetched
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The fraction of {@code data} whose most probable class is its label (outside any timing). */
    public double accuracy(Dataset data) {
        check(data);
        float[] features = data.features();
        int[] predicted = new int[EVAL_BATCH_SIZE];
        long correct = 0;
        for (int from = 0; from < data.size(); from += EVAL_BATCH_SIZE) {
            int n = Math.min(EVAL_BATCH_SIZE, data.size() - from);
            try (TFloat32 xs = TFloat32.tensorOf(Shape.of(n, INPUT),
                            DataBuffers.of(features, true, false).slice((long) from * INPUT, (long) n * INPUT));
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

    private static void check(Dataset data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("dataset '" + data.name() + "' is empty");
        }
        if (data.sampleSize() != INPUT || data.numClasses() > CLASSES) {
            throw new IllegalArgumentException("the raw MLP takes samples of " + INPUT + " values and at most "
                    + CLASSES + " classes; dataset '" + data.name() + "' has samples of shape "
                    + Arrays.toString(data.sampleShape()) + " and " + data.numClasses() + " classes");
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
