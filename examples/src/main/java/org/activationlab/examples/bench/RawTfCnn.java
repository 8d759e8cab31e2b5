package org.activationlab.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
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
 * <p>It is trained the simplest way {@link RawTfModel} describes, like {@link RawTfMlp}, and takes only 28x28x1
 * images. Close the model to free its graph and session.
 */
public final class RawTfCnn extends RawTfModel {

    public static final int HEIGHT = 28;
    public static final int WIDTH = 28;
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

    /**
     * Builds the graph, draws the initial weights from {@code seed} (He-uniform for the layers before a ReLU,
     * Glorot-uniform for the output layer, zero biases) and seeds the two dropout ops with it.
     */
    public RawTfCnn(long seed) {
        super("raw CNN", new int[] {HEIGHT, WIDTH, 1}, BATCH_SIZE, CLASSES,
                (tf, vars, x, y) -> build(tf, vars, x, y, seed));
    }

    private static Endpoints build(Ops tf, Variables vars, Placeholder<TFloat32> x, Placeholder<TInt32> y,
            long seed) {
        // the trainable variables in the order conv1 kernel, conv1 bias, conv2 ..., fc2 bias
        List<Variable<TFloat32>> params = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        addLayer(vars, params, "conv1", Shape.of(KERNEL, KERNEL, 1, FILTERS_1), heLimit(KERNEL * KERNEL), random);
        addLayer(vars, params, "conv2", Shape.of(KERNEL, KERNEL, FILTERS_1, FILTERS_2),
                heLimit(KERNEL * KERNEL * FILTERS_1), random);
        addLayer(vars, params, "fc1", Shape.of(FLAT, HIDDEN), heLimit(FLAT), random);
        addLayer(vars, params, "fc2", Shape.of(HIDDEN, CLASSES), Math.sqrt(6.0 / (HIDDEN + CLASSES)), random);

        Operand<TFloat32> logits = forward(tf, params, x, seed);
        Operand<TFloat32> oneHot = tf.oneHot(y, tf.constant(CLASSES), tf.constant(1f), tf.constant(0f));
        Operand<TFloat32> loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss(),
                tf.constant(0));

        return new Endpoints(adamStep(tf, vars, params, tf.gradients(loss, params)),
                tf.math.argMax(forward(tf, params, x, null), tf.constant(1), TInt32.class));
    }

    /** He-uniform limit for a layer followed by a ReLU. */
    private static double heLimit(int fanIn) {
        return Math.sqrt(6.0 / fanIn);
    }

    /** Adds to {@code params} a kernel of {@code shape} drawn from U(-limit, limit) and a zero bias for its units. */
    private static void addLayer(Variables vars, List<Variable<TFloat32>> params, String name, Shape shape,
            double limit, SplittableRandom random) {
        int units = (int) shape.get(shape.numDimensions() - 1);
        params.add(vars.fed(name + "_w", shape, Variables.uniform((int) shape.size(), limit, random)));
        params.add(vars.fed(name + "_b", Shape.of(units), new float[units]));
    }

    /**
     * The logits of a batch {@code in}: with dropout seeded by {@code dropoutSeed} when training, without it when
     * {@code dropoutSeed} is null (evaluation).
     */
    private static Operand<TFloat32> forward(Ops tf, List<Variable<TFloat32>> params, Operand<TFloat32> in,
            Long dropoutSeed) {
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
    private static Op adamStep(Ops tf, Variables vars, List<Variable<TFloat32>> params, Gradients grads) {
        // ApplyAdam writes the weights in place that backpropagation reads: see afterAllGradients
        Ops gated = afterAllGradients(tf, grads);
        Variable<TFloat32> beta1Power = vars.filled("adam_beta1_power", Shape.scalar(), BETA_1);
        Variable<TFloat32> beta2Power = vars.filled("adam_beta2_power", Shape.scalar(), BETA_2);
        Operand<TFloat32> lr = tf.constant(LEARNING_RATE);
        Operand<TFloat32> beta1 = tf.constant(BETA_1);
        Operand<TFloat32> beta2 = tf.constant(BETA_2);
        Operand<TFloat32> epsilon = tf.constant(EPSILON);
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Variable<TFloat32> p = params.get(i);
            String name = p.op().name();
            Shape shape = p.shape();
            applies.add(gated.train.applyAdam(p, vars.filled(name + "_adam_m", shape, 0f),
                    vars.filled(name + "_adam_v", shape, 0f), beta1Power, beta2Power, lr, beta1, beta2, epsilon,
                    grads.<TFloat32>dy(i)));
        }
        // ApplyAdam reads but does not advance the beta powers: advance them once every apply has read them
        Ops after = tf.withControlDependencies(applies);
        Op advance1 = after.assign(beta1Power, after.math.mul(beta1Power, beta1));
        Op advance2 = after.assign(beta2Power, after.math.mul(beta2Power, beta2));
        return tf.withControlDependencies(List.of(advance1, advance2)).withName("train_step").noOp();
    }
}
