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
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The benchmark's CNN baseline: PyTorch's classic MNIST network written by hand on TensorFlow Java's core ops, in
 * NHWC, without the DSL. Input 28x28x1, a 5x5 convolution to 10 channels (valid padding, bias), 2x2 max pooling,
 * ReLU, a 5x5 convolution to 20 channels, spatial dropout 0.5 (whole channels), 2x2 max pooling, ReLU, flatten to
 * 320, dense 50 with ReLU, dropout 0.5, dense 10 and softmax cross-entropy on one-hot labels; 21,840 parameters,
 * trained by Adam (lr 1e-3, betas 0.9 and 0.999, epsilon 1e-8 as in PyTorch) in batches of 128. Dropout is active
 * only in training; evaluation runs a second forward pass without it on the same variables.
 *
 * <p>It is fed like {@link RawTfMlp}, the simplest way: every step copies the batch's images into a reusable Java
 * array, wraps it in a new {@link TFloat32} (and the labels in a new {@link TInt32}) fed to placeholders, and runs
 * one {@code Session.run} that fetches nothing. Every tensor and every {@link Result} is closed. Close the model to
 * free its graph and session.
 */
public final class RawTfCnn implements AutoCloseable {

    public static final int HEIGHT = 28;
    public static final int WIDTH = 28;
    public static final int INPUT = HEIGHT * WIDTH;
    public static final int CLASSES = 10;
    public static final int BATCH_SIZE = 128;
    public static final float LEARNING_RATE = 1e-3f;
    public static final float BETA_1 = 0.9f;
    public static final float BETA_2 = 0.999f;
    public static final float EPSILON = 1e-8f;
    public static final float DROPOUT_RATE = 0.5f;

    private static final int KERNEL = 5;
    private static final int FILTERS_1 = 10;
    private static final int FILTERS_2 = 20;
    /** 28 -conv5-> 24 -pool2-> 12 -conv5-> 8 -pool2-> 4, times 20 channels. */
    private static final int FLAT = 4 * 4 * FILTERS_2;
    private static final int HIDDEN = 50;
    private static final int EVAL_BATCH_SIZE = 1000;

    private final Graph graph;
    private final Session session;
    private final Placeholder<TFloat32> x;
    private final Placeholder<TInt32> y;
    private final Op trainStep;
    private final Operand<TInt32> predictions;
    private final float[] batchFeatures = new float[BATCH_SIZE * INPUT];
    private final int[] batchLabels = new int[BATCH_SIZE];

    /** The trainable variables in the order conv1 kernel, conv1 bias, conv2 ..., fc2 bias. */
    private final List<Variable<TFloat32>> params = new ArrayList<>();
    private final List<Placeholder<TFloat32>> initInputs = new ArrayList<>();
    private final List<float[]> initValues = new ArrayList<>();
    /** Assignments of every variable's initial value, run once by {@link #initialise()}. */
    private final List<Op> initAssigns = new ArrayList<>();

    /**
     * Builds the graph, draws the initial weights from {@code seed} (He-uniform for the layers before a ReLU,
     * Glorot-uniform for the output layer, zero biases) and seeds the two dropout ops with it.
     */
    public RawTfCnn(long seed) {
        graph = new Graph();
        try {
            Ops tf = Ops.create(graph);
            x = tf.withName("x").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE, HEIGHT, WIDTH, 1)));
            y = tf.withName("y").placeholder(TInt32.class, Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE)));

            SplittableRandom random = new SplittableRandom(seed);
            addLayer(tf, "conv1", Shape.of(KERNEL, KERNEL, 1, FILTERS_1), heLimit(KERNEL * KERNEL), random);
            addLayer(tf, "conv2", Shape.of(KERNEL, KERNEL, FILTERS_1, FILTERS_2), heLimit(KERNEL * KERNEL * FILTERS_1),
                    random);
            addLayer(tf, "fc1", Shape.of(FLAT, HIDDEN), heLimit(FLAT), random);
            addLayer(tf, "fc2", Shape.of(HIDDEN, CLASSES), Math.sqrt(6.0 / (HIDDEN + CLASSES)), random);

            Operand<TFloat32> logits = forward(tf, x, seed);
            Operand<TFloat32> oneHot = tf.oneHot(y, tf.constant(CLASSES), tf.constant(1f), tf.constant(0f));
            Operand<TFloat32> loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss(),
                    tf.constant(0));

            trainStep = adamStep(tf, tf.gradients(loss, params));
            predictions = tf.math.argMax(forward(tf, x, null), tf.constant(1), TInt32.class);

            session = new Session(graph);
            initialise();
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** He-uniform limit for a layer followed by a ReLU. */
    private static double heLimit(int fanIn) {
        return Math.sqrt(6.0 / fanIn);
    }

    /** A kernel of {@code shape} drawn from U(-limit, limit) and a zero bias over its last dimension. */
    private void addLayer(Ops tf, String name, Shape shape, double limit, SplittableRandom random) {
        float[] kernel = new float[(int) shape.size()];
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        int units = (int) shape.get(shape.numDimensions() - 1);
        params.add(fedVariable(tf, name + "_w", shape, kernel));
        params.add(fedVariable(tf, name + "_b", Shape.of(units), new float[units]));
    }

    /** A variable filled once from Java through a placeholder (no copy of the values lives in the graph). */
    private Variable<TFloat32> fedVariable(Ops tf, String name, Shape shape, float[] initial) {
        Variable<TFloat32> v = tf.withName(name).variable(shape, TFloat32.class);
        Placeholder<TFloat32> in = tf.withName(name + "_init").placeholder(TFloat32.class, Placeholder.shape(shape));
        initInputs.add(in);
        initValues.add(initial);
        initAssigns.add(tf.assign(v, in));
        return v;
    }

    /** Optimizer state: a variable of {@code shape} filled with {@code value} in the graph. */
    private Variable<TFloat32> stateVariable(Ops tf, String name, Shape shape, float value) {
        Variable<TFloat32> v = tf.withName(name).variable(shape, TFloat32.class);
        initAssigns.add(tf.assign(v, tf.fill(tf.constant(shape), tf.constant(value))));
        return v;
    }

    /**
     * The logits of a batch {@code in}: with dropout seeded by {@code dropoutSeed} when training, without it when
     * {@code dropoutSeed} is null (evaluation).
     */
    private Operand<TFloat32> forward(Ops tf, Operand<TFloat32> in, Long dropoutSeed) {
        Operand<TInt32> pool = tf.constant(new int[] {1, 2, 2, 1});
        List<Long> unitStrides = List.of(1L, 1L, 1L, 1L);
        Operand<TFloat32> h = tf.nn.biasAdd(tf.nn.conv2d(in, params.get(0), unitStrides, "VALID"), params.get(1));
        h = tf.nn.relu(tf.nn.maxPool(h, pool, pool, "VALID"));
        h = tf.nn.biasAdd(tf.nn.conv2d(h, params.get(2), unitStrides, "VALID"), params.get(3));
        if (dropoutSeed != null) {
            // spatial dropout keeps or drops a sample's whole channel: one draw per (sample, channel)
            Operand<TInt32> batch = tf.slice(tf.shape(h), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
            Operand<TInt32> noiseShape = tf.concat(List.of(batch, tf.constant(new int[] {1, 1, FILTERS_2})),
                    tf.constant(0));
            h = dropout(tf, h, noiseShape, dropoutSeed, 1);
        }
        h = tf.nn.relu(tf.nn.maxPool(h, pool, pool, "VALID"));
        h = tf.reshape(h, tf.constant(new int[] {-1, FLAT}));
        h = tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(h, params.get(4)), params.get(5)));
        if (dropoutSeed != null) {
            h = dropout(tf, h, tf.shape(h), dropoutSeed, 2);
        }
        return tf.nn.biasAdd(tf.linalg.matMul(h, params.get(6)), params.get(7));
    }

    /**
     * Inverted dropout: zeroes {@code h} where a uniform draw of {@code noiseShape} (broadcast over {@code h}) falls
     * in the dropped fraction and scales the rest by 1/keep, so evaluation needs no rescaling. {@code seed2} tells
     * the ops apart; a non-zero one also makes TensorFlow honour the seed rather than draw a random one.
     */
    private static Operand<TFloat32> dropout(Ops tf, Operand<TFloat32> h, Operand<TInt32> noiseShape, long seed,
            long seed2) {
        float keep = 1 - DROPOUT_RATE;
        Operand<TFloat32> uniform = tf.random.randomUniform(noiseShape, TFloat32.class, RandomUniform.seed(seed),
                RandomUniform.seed2(seed2));
        // floor(keep + U[0, 1)) is 1 with probability keep and 0 otherwise
        Operand<TFloat32> mask = tf.math.floor(tf.math.add(uniform, tf.constant(keep)));
        return tf.math.mul(h, tf.math.div(mask, tf.constant(keep)));
    }

    /** One Adam update of every parameter from {@code grads}, then the advance of the beta powers. */
    private Op adamStep(Ops tf, Gradients grads) {
        // Backpropagation reads the weights while ApplyAdam writes them in place: an update that ran before every
        // gradient was computed would corrupt the remaining ones. Gate the updates on all gradients (as the DSL
        // backend does, so both variants pay the same).
        List<Op> computed = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            computed.add(tf.identity(grads.<TFloat32>dy(i)));
        }
        Ops gated = tf.withControlDependencies(computed);
        Variable<TFloat32> beta1Power = stateVariable(tf, "adam_beta1_power", Shape.scalar(), BETA_1);
        Variable<TFloat32> beta2Power = stateVariable(tf, "adam_beta2_power", Shape.scalar(), BETA_2);
        Operand<TFloat32> lr = tf.constant(LEARNING_RATE);
        Operand<TFloat32> beta1 = tf.constant(BETA_1);
        Operand<TFloat32> beta2 = tf.constant(BETA_2);
        Operand<TFloat32> epsilon = tf.constant(EPSILON);
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Variable<TFloat32> p = params.get(i);
            String name = p.op().name();
            Shape shape = p.shape();
            applies.add(gated.train.applyAdam(p, stateVariable(tf, name + "_adam_m", shape, 0f),
                    stateVariable(tf, name + "_adam_v", shape, 0f), beta1Power, beta2Power, lr, beta1, beta2,
                    epsilon, grads.<TFloat32>dy(i)));
        }
        // ApplyAdam reads but does not advance the beta powers: advance them once every apply has read them
        Ops after = tf.withControlDependencies(applies);
        Op advance1 = after.assign(beta1Power, after.math.mul(beta1Power, beta1));
        Op advance2 = after.assign(beta2Power, after.math.mul(beta2Power, beta2));
        return tf.withControlDependencies(List.of(advance1, advance2)).withName("train_step").noOp();
    }

    @SuppressWarnings("try") // the Result is opened only to be closed
    private void initialise() {
        List<TFloat32> tensors = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (int i = 0; i < initInputs.size(); i++) {
                TFloat32 t = TFloat32.tensorOf(initInputs.get(i).shape(),
                        DataBuffers.of(initValues.get(i), true, false));
                tensors.add(t);
                runner.feed(initInputs.get(i), t);
            }
            initAssigns.forEach(runner::addTarget);
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
            try (TFloat32 xs = TFloat32.tensorOf(Shape.of(n, HEIGHT, WIDTH, 1),
                            DataBuffers.of(batchFeatures, true, false).narrow((long) n * INPUT));
                    TInt32 ys = TInt32.tensorOf(Shape.of(n), DataBuffers.of(batchLabels, true, false).narrow(n));
                    Result r = session.runner().feed(x, xs).feed(y, ys).addTarget(trainStep).run()) {
                // the update lives in the graph's variables; nothing is fetched
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The fraction of {@code data} whose most probable class is its label, without dropout (outside any timing). */
    public double accuracy(Dataset data) {
        check(data);
        float[] features = data.features();
        int[] predicted = new int[EVAL_BATCH_SIZE];
        long correct = 0;
        for (int from = 0; from < data.size(); from += EVAL_BATCH_SIZE) {
            int n = Math.min(EVAL_BATCH_SIZE, data.size() - from);
            try (TFloat32 xs = TFloat32.tensorOf(Shape.of(n, HEIGHT, WIDTH, 1),
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

    /**
     * The current values of the graph variable {@code name} (e.g. {@code "conv1_w"} or {@code "adam_beta1_power"}),
     * flattened; lets tests see that a step changes what it should.
     */
    float[] variable(String name) {
        if (graph.operation(name) == null) {
            throw new IllegalArgumentException("the raw CNN has no variable '" + name + "'; its parameters are conv1_w,"
                    + " conv1_b, conv2_w, conv2_b, fc1_w, fc1_b, fc2_w and fc2_b, each with Adam slots <name>_adam_m"
                    + " and <name>_adam_v, plus adam_beta1_power and adam_beta2_power");
        }
        try (Result r = session.runner().fetch(name).run()) {
            TFloat32 t = (TFloat32) r.get(0);
            float[] values = new float[(int) t.size()];
            t.copyTo(DataBuffers.of(values, false, false));
            return values;
        }
    }

    private static void check(Dataset data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("dataset '" + data.name() + "' is empty");
        }
        if (!Arrays.equals(data.sampleShape(), new int[] {HEIGHT, WIDTH, 1}) || data.numClasses() > CLASSES) {
            throw new IllegalArgumentException("the raw CNN takes " + HEIGHT + "x" + WIDTH + "x1 images and at most "
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
