package org.activationlab.dsl.layers;

import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;

/**
 * A layer onto which an activation can be chained, as in {@code dense(128).relu()}. Each method returns a new
 * layer; the receiver is unchanged.
 */
public interface Activatable<T extends Layer> extends Layer {

    /** This layer followed by {@code activation}. */
    T activation(Activation activation);

    default T relu() {
        return activation(Activations.relu());
    }

    /** LeakyReLU with the given negative slope (the papers use 0.01). */
    default T leakyRelu(double negativeSlope) {
        return activation(Activations.leakyRelu(negativeSlope));
    }

    /** LeakyReLU with negative slope 0.01, as in the papers (PyTorch and DL4J default; Keras uses 0.3). */
    default T leakyRelu() {
        return activation(Activations.leakyRelu());
    }

    default T prelu() {
        return activation(Activations.prelu());
    }

    default T elu() {
        return activation(Activations.elu());
    }

    default T selu() {
        return activation(Activations.selu());
    }

    default T sigmoid() {
        return activation(Activations.sigmoid());
    }

    default T tanh() {
        return activation(Activations.tanh());
    }

    default T softmax() {
        return activation(Activations.softmax());
    }

    default T gelu() {
        return activation(Activations.gelu());
    }

    default T swish() {
        return activation(Activations.swish());
    }

    default T mish() {
        return activation(Activations.mish());
    }

    default T softplus() {
        return activation(Activations.softplus());
    }
}
