package org.activationlab.dsl;

import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.blocks.Branch;
import org.activationlab.dsl.blocks.Concat;
import org.activationlab.dsl.blocks.Residual;
import org.activationlab.dsl.blocks.Shortcut;
import org.activationlab.dsl.layers.Layer;
import org.activationlab.dsl.layers.ActivationLayer;
import org.activationlab.dsl.layers.AvgPool2d;
import org.activationlab.dsl.layers.BatchNorm;
import org.activationlab.dsl.layers.Conv2d;
import org.activationlab.dsl.layers.Dense;
import org.activationlab.dsl.layers.Dropout;
import org.activationlab.dsl.layers.Flatten;
import org.activationlab.dsl.layers.GlobalAvgPool2d;
import org.activationlab.dsl.layers.Input;
import org.activationlab.dsl.layers.MaxPool2d;
import org.activationlab.dsl.layers.SpatialDropout;

/**
 * Static factories for the DSL; {@code import static org.activationlab.dsl.Layers.*} and write
 * {@code Sequential.of(input(28, 28, 1), flatten(), dense(128).relu(), dense(10).softmax())}.
 */
public final class Layers {

    private Layers() {
    }

    /** The input: one sample's shape without the batch dimension, NHWC for images (e.g. 28, 28, 1). */
    public static Input input(int... dims) {
        return new Input(Shape.of(dims));
    }

    /** A fully-connected layer with bias and no activation; chain one with e.g. {@code .relu()}. */
    public static Dense dense(int units) {
        return new Dense(units);
    }

    public static Flatten flatten() {
        return new Flatten();
    }

    /**
     * A convolution with a square {@code kernel}, stride 1, VALID padding and bias, as PyTorch's
     * {@code Conv2d(in, filters, kernel)}; adjust with {@code .stride(s)}, {@code .padding(Padding.SAME)},
     * {@code .padding(1)}, {@code .withBias(false)} and chain an activation with e.g. {@code .relu()}.
     */
    public static Conv2d conv2d(int filters, int kernel) {
        return new Conv2d(filters, kernel);
    }

    /** Max pooling over {@code size x size} windows with stride {@code size}, VALID, as PyTorch's MaxPool2d(size). */
    public static MaxPool2d maxPool(int size) {
        return new MaxPool2d(size);
    }

    /** Average pooling over {@code size x size} windows with stride {@code size}, VALID, as PyTorch's AvgPool2d. */
    public static AvgPool2d avgPool(int size) {
        return new AvgPool2d(size);
    }

    /** The mean of each channel: {@code [height, width, channels]} to {@code [channels]}. */
    public static GlobalAvgPool2d globalAvgPool() {
        return new GlobalAvgPool2d();
    }

    /** Inverted dropout of a fraction {@code rate} of the elements while training. */
    public static Dropout dropout(double rate) {
        return new Dropout(rate);
    }

    /** Dropout of whole channels of an image while training, as PyTorch's Dropout2d. */
    public static SpatialDropout spatialDropout(double rate) {
        return new SpatialDropout(rate);
    }

    /**
     * Batch normalisation over the channels with PyTorch's defaults (momentum 0.1, epsilon 1e-5; Keras uses 0.99
     * in the opposite convention and 1e-3); chain an activation with e.g. {@code .relu()}.
     */
    public static BatchNorm batchNorm() {
        return new BatchNorm();
    }

    /** Any activation as a standalone layer. */
    public static ActivationLayer activation(Activation activation) {
        return new ActivationLayer(activation);
    }

    /** A standalone activation layer from its text form, e.g. {@code leaky_relu:0.01}. */
    public static ActivationLayer activation(String spec) {
        return new ActivationLayer(Activations.parse(spec));
    }

    public static ActivationLayer relu() {
        return activation(Activations.relu());
    }

    /** LeakyReLU with an explicit negative slope. */
    public static ActivationLayer leakyRelu(double negativeSlope) {
        return activation(Activations.leakyRelu(negativeSlope));
    }

    public static ActivationLayer prelu() {
        return activation(Activations.prelu());
    }

    public static ActivationLayer elu() {
        return activation(Activations.elu());
    }

    public static ActivationLayer selu() {
        return activation(Activations.selu());
    }

    public static ActivationLayer tanh() {
        return activation(Activations.tanh());
    }

    public static ActivationLayer sigmoid() {
        return activation(Activations.sigmoid());
    }

    public static ActivationLayer softmax() {
        return activation(Activations.softmax());
    }

    /**
     * A residual block {@code branch(x) + x} with an identity shortcut; change it with
     * {@code .shortcut(Shortcut.ZERO_PAD)} or {@code .shortcut(Shortcut.PROJECTION)} and chain the activation
     * after the sum with e.g. {@code .relu()}.
     */
    public static Residual residual(Layer... branch) {
        return new Residual(Branch.of(branch), Shortcut.IDENTITY, null);
    }

    /** One branch of a {@link #concat} block. */
    public static Branch branch(Layer... layers) {
        return Branch.of(layers);
    }

    /** Parallel branches on the same input, concatenated along the channels (SqueezeNet's Fire, Inception). */
    public static Concat concat(Branch... branches) {
        return new Concat(java.util.List.of(branches));
    }
}
