package org.activationlab.study;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.activationlab.data.Dataset;
import org.activationlab.tf.Device;
import org.activationlab.tf.Precision;

/**
 * The settings every run of a study shares, resolved from the experiment's defaults and what the user gave.
 *
 * @param epochs epochs per run (for a budgeted experiment, the most)
 * @param batchSize examples per training step
 * @param trainLimit training examples used, 0 for all
 * @param threshold accuracy whose first epoch and training time are recorded, or {@code null}
 * @param deterministic single-threaded TensorFlow, for records identical apart from timings
 * @param device where TensorFlow runs, as requested
 * @param probes examples of the fixed probe batch (gradient norms, dead units), 0 for none
 * @param options the experiment's own options, every one with its value (given or default)
 * @param precision the floating-point precision of training
 */
public record StudySettings(int epochs, int batchSize, int trainLimit, Double threshold, boolean deterministic,
        Device device, int probes, Map<String, String> options, Precision precision) implements Serializable {

    private static final long serialVersionUID = 1L;

    public StudySettings {
        if (epochs <= 0) {
            throw new IllegalArgumentException("--epochs must be > 0, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("--batch-size must be > 0, got " + batchSize);
        }
        if (trainLimit < 0) {
            throw new IllegalArgumentException("--train-limit must be >= 0 (0 = all), got " + trainLimit);
        }
        if (threshold != null && !(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("--threshold must be an accuracy in (0, 1], got " + threshold
                    + "; write 98% as 0.98");
        }
        if (probes < 0) {
            throw new IllegalArgumentException("probes must be >= 0 (0 = none), got " + probes);
        }
        Objects.requireNonNull(device, "device must not be null");
        options = Collections.unmodifiableMap(new TreeMap<>(options == null ? Map.of() : options));
        precision = precision == null ? Precision.FP32 : precision;
    }

    /** Settings in 32-bit floats. */
    public StudySettings(int epochs, int batchSize, int trainLimit, Double threshold, boolean deterministic,
            Device device, int probes, Map<String, String> options) {
        this(epochs, batchSize, trainLimit, threshold, deterministic, device, probes, options, Precision.FP32);
    }

    /** The value of one of the experiment's own options. */
    public String option(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no option --" + name + " in these settings; declare it in the"
                    + " experiment's options()");
        }
        return value;
    }

    /** The first {@link #trainLimit} examples of {@code train} (all of them if it has fewer), or all of it (0). */
    public Dataset trainingSet(Dataset train) {
        return trainLimit > 0 ? train.take(Math.min(trainLimit, train.size())) : train;
    }
}
