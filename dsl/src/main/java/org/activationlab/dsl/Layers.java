package org.activationlab.dsl;

import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.layers.ActivationLayer;
import org.activationlab.dsl.layers.Dense;
import org.activationlab.dsl.layers.Flatten;
import org.activationlab.dsl.layers.Input;

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
}
