package org.activationlab.tf;

import org.activationlab.tf.optimizers.Optimizer;

/**
 * How a model is compiled for training.
 *
 * @param optimizer the parameter update rule
 * @param seed seeds weight initialisation, shuffling and any randomness in the graph
 * @param deterministic run TensorFlow single-threaded so that the same seed gives bit-identical results on a
 *     CPU; slower (see the README for the measured cost)
 * @param device where to place the operations
 */
public record TrainingConfig(Optimizer optimizer, long seed, boolean deterministic, Device device) {

    public TrainingConfig {
        if (optimizer == null) {
            throw new IllegalArgumentException("TrainingConfig optimizer must not be null");
        }
        if (device == null) {
            throw new IllegalArgumentException("TrainingConfig device must not be null; use Device.CPU");
        }
    }

    /** On the CPU, multi-threaded, with the given optimizer and seed. */
    public static TrainingConfig of(Optimizer optimizer, long seed) {
        return new TrainingConfig(optimizer, seed, false, Device.CPU);
    }

    public TrainingConfig withDeterministic(boolean deterministic) {
        return new TrainingConfig(optimizer, seed, deterministic, device);
    }

    public TrainingConfig withDevice(Device device) {
        return new TrainingConfig(optimizer, seed, deterministic, device);
    }
}
