package org.activationlab.dsl.json;

import org.activationlab.dsl.activations.Activation;

/**
 * Reads one activation type back from JSON. Writing needs no codec of its own: an activation is written as its
 * {@link Activation#name()} and {@link Activation#hyperparameters()}, which every activation reports. A new
 * activation type registers its codec through a {@link CodecProvider}.
 *
 * @param <T> the activation type
 */
public interface ActivationCodec<T extends Activation> {

    /** The activation's {@link Activation#name()}, e.g. {@code leaky_relu}; unique among all codecs. */
    String name();

    /** The activation class this codec reads. */
    Class<T> activationClass();

    /** Reads the activation from its hyperparameter fields. */
    T read(JsonFields hyperparameters);
}
