package org.activationlab.tf;

import org.activationlab.tf.optimizers.Optimizer;
import org.activationlab.tf.schedules.LearningRateSchedule;
import org.activationlab.tf.training.Augmentation;

/**
 * How a model is compiled for training.
 *
 * @param optimizer the parameter update rule; its learning rate is the base rate the schedule scales
 * @param seed seeds weight initialisation and the randomness in the graph (dropout masks, augmentation); the order
 *     of training examples is seeded separately by {@code FitOptions.shuffleSeed}
 * @param deterministic run TensorFlow single-threaded so that the same seed gives bit-identical results on a
 *     CPU; slower (see the README for the measured cost)
 * @param device where to place the operations
 * @param augmentation random image augmentation of training batches, or none
 * @param schedule the learning rate per step, evaluated in the graph
 * @param clipNorm the maximum global L2 norm of the gradients (PyTorch's {@code clip_grad_norm_}), or 0 for no
 *     clipping
 * @param labelSmoothing the training loss's label smoothing {@code e} in [0, 1): targets become
 *     {@code (1 - e) * onehot + e / classes}, as PyTorch's and Keras's {@code label_smoothing}; 0 for none
 * @param precision the floating-point precision of training ({@link Precision#BF16} needs a GPU or a CPU with
 *     bfloat16 instructions: see {@link PrecisionSupport})
 * @param threads the session's intra-op threads with inter-op 1, for runs side by side; 0 for TensorFlow's
 *     default pools (ignored when deterministic, which uses one thread)
 */
public record TrainingConfig(Optimizer optimizer, long seed, boolean deterministic, Device device,
        Augmentation augmentation, LearningRateSchedule schedule, double clipNorm, double labelSmoothing,
        Precision precision, int threads) {

    private static final Augmentation NONE = new Augmentation(0, false);

    public TrainingConfig {
        if (optimizer == null) {
            throw new IllegalArgumentException("TrainingConfig optimizer must not be null");
        }
        if (device == null) {
            throw new IllegalArgumentException("TrainingConfig device must not be null; use Device.CPU");
        }
        if (augmentation == null) {
            throw new IllegalArgumentException("TrainingConfig augmentation must not be null; use "
                    + "new Augmentation(0, false) for none");
        }
        if (schedule == null) {
            throw new IllegalArgumentException("TrainingConfig schedule must not be null; use "
                    + "LearningRateSchedule.constant()");
        }
        if (!(clipNorm >= 0) || !Double.isFinite(clipNorm)) {
            throw new IllegalArgumentException("gradient clipping norm must be >= 0 and finite (0 = off), got "
                    + clipNorm);
        }
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1) (0 = off), got " + labelSmoothing);
        }
        if (precision == null) {
            throw new IllegalArgumentException("TrainingConfig precision must not be null; use Precision.FP32");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("TrainingConfig threads must be >= 0 (0 = TensorFlow's default), got "
                    + threads);
        }
    }

    /**
     * A configuration with a constant learning rate, no clipping, no label smoothing, in 32-bit floats with
     * TensorFlow's default thread pools.
     */
    public TrainingConfig(Optimizer optimizer, long seed, boolean deterministic, Device device,
            Augmentation augmentation) {
        this(optimizer, seed, deterministic, device, augmentation, LearningRateSchedule.constant(), 0, 0,
                Precision.FP32, 0);
    }

    /** On the CPU, multi-threaded, without augmentation, with the given optimizer and seed. */
    public static TrainingConfig of(Optimizer optimizer, long seed) {
        return new TrainingConfig(optimizer, seed, false, Device.CPU, NONE);
    }

    public TrainingConfig withDeterministic(boolean deterministic) {
        return new TrainingConfig(optimizer, seed, deterministic, device, augmentation, schedule, clipNorm,
                labelSmoothing, precision,
                threads);
    }

    public TrainingConfig withDevice(Device device) {
        return new TrainingConfig(optimizer, seed, deterministic, device, augmentation, schedule, clipNorm,
                labelSmoothing, precision,
                threads);
    }

    /** The same configuration augmenting training batches; the model's input must be an image. */
    public TrainingConfig withAugmentation(Augmentation augmentation) {
        return new TrainingConfig(optimizer, seed, deterministic, device, augmentation, schedule, clipNorm,
                labelSmoothing, precision,
                threads);
    }

    /** The same configuration with a learning-rate schedule. */
    public TrainingConfig withSchedule(LearningRateSchedule schedule) {
        return new TrainingConfig(optimizer, seed, deterministic, device, augmentation, schedule, clipNorm,
                labelSmoothing, precision,
                threads);
    }

    /** The same configuration clipping the gradients' global L2 norm to {@code maxNorm} (0 = off). */
    public TrainingConfig withGradientClipping(double maxNorm) {
        return new TrainingConfig(optimizer, seed, deterministic, device, augmentation, schedule, maxNorm,
                labelSmoothing, precision,
                threads);
    }

    /** The same configuration with label smoothing in the training loss. */
    public TrainingConfig withLabelSmoothing(double smoothing) {
        return new TrainingConfig(optimizer, seed, deterministic, device, augmentation, schedule, clipNorm,
                smoothing, precision,
                threads);
    }

    /** The same configuration in another precision. */
    public TrainingConfig withPrecision(Precision precision) {
        return new TrainingConfig(optimizer, seed, deterministic, device, augmentation, schedule, clipNorm,
                labelSmoothing, precision, threads);
    }

    /** The same configuration with {@code threads} intra-op threads and one inter-op thread (0: the defaults). */
    public TrainingConfig withThreads(int threads) {
        return new TrainingConfig(optimizer, seed, deterministic, device, augmentation, schedule, clipNorm,
                labelSmoothing, precision, threads);
    }
}
