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
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The benchmark's MLP baseline: the MNIST MLP 784-128-64-10 (ReLU, ReLU, softmax cross-entropy on one-hot labels,
 * plain SGD with learning rate 0.01, batches of 64) written by hand on TensorFlow Java's core ops, without the DSL,
 * and trained the simplest way {@link RawTfModel} describes. It takes any samples of 784 values, such as 28x28x1
 * MNIST images. Close the model to free its graph and session.
 */
public final class RawTfMlp extends RawTfModel {

    public static final int INPUT = 784;
    public static final int HIDDEN_1 = 128;
    public static final int HIDDEN_2 = 64;
    public static final int CLASSES = 10;
    public static final int BATCH_SIZE = 64;
    public static final float LEARNING_RATE = 0.01f;

    /** Builds the graph and draws the initial weights from {@code initSeed} (He-uniform for the ReLU layers,
     * Glorot-uniform for the output layer, zero biases). */
    public RawTfMlp(long initSeed) {
        super("raw MLP", new int[] {INPUT}, BATCH_SIZE, CLASSES, (tf, vars, x, y) -> build(tf, vars, x, y, initSeed));
    }

    private static Endpoints build(Ops tf, Variables vars, Placeholder<TFloat32> x, Placeholder<TInt32> y,
            long initSeed) {
        List<Variable<TFloat32>> params = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(initSeed);
        int[][] layers = {{INPUT, HIDDEN_1}, {HIDDEN_1, HIDDEN_2}, {HIDDEN_2, CLASSES}};
        for (int l = 0; l < layers.length; l++) {
            int fanIn = layers[l][0];
            int fanOut = layers[l][1];
            double limit = l < layers.length - 1
                    ? Math.sqrt(6.0 / fanIn) // He-uniform before ReLU
                    : Math.sqrt(6.0 / (fanIn + fanOut)); // Glorot-uniform before softmax
            params.add(vars.fed("w" + (l + 1), Shape.of(fanIn, fanOut),
                    Variables.uniform(fanIn * fanOut, limit, random)));
            params.add(vars.fed("b" + (l + 1), Shape.of(fanOut), new float[fanOut]));
        }

        Operand<TFloat32> h1 = tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(x, params.get(0)), params.get(1)));
        Operand<TFloat32> h2 = tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(h1, params.get(2)), params.get(3)));
        Operand<TFloat32> logits = tf.nn.biasAdd(tf.linalg.matMul(h2, params.get(4)), params.get(5));
        Operand<TFloat32> oneHot = tf.oneHot(y, tf.constant(CLASSES), tf.constant(1f), tf.constant(0f));
        Operand<TFloat32> loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss(),
                tf.constant(0));

        Gradients grads = tf.gradients(loss, params);
        // ApplyGradientDescent writes the weights in place that backpropagation reads: see afterAllGradients
        Ops gated = afterAllGradients(tf, grads);
        Operand<TFloat32> lr = tf.constant(LEARNING_RATE);
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            updates.add(gated.train.applyGradientDescent(params.get(i), lr, grads.<TFloat32>dy(i)));
        }
        return new Endpoints(tf.withControlDependencies(updates).withName("train_step").noOp(),
                tf.math.argMax(logits, tf.constant(1), TInt32.class));
    }
}
