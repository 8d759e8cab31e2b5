package org.activationlab.study;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.activationlab.tf.Device;
import org.activationlab.tf.Precision;

/**
 * What a user asked for, before an experiment's defaults fill the gaps; {@code null} means "the default".
 *
 * @param epochs epochs per run, or {@code null}
 * @param batchSize examples per step, or {@code null}
 * @param trainLimit training examples, or {@code null}
 * @param threshold time-to-accuracy threshold, or {@code null}
 * @param deterministic single-threaded TensorFlow
 * @param device requested device
 * @param options the experiment's own options that were given, by name
 * @param precision the floating-point precision of training (default FP32)
 */
public record SettingsRequest(Integer epochs, Integer batchSize, Integer trainLimit, Double threshold,
        boolean deterministic, Device device, Map<String, String> options, Precision precision) {

    public SettingsRequest {
        options = Collections.unmodifiableMap(new TreeMap<>(options == null ? Map.of() : options));
        device = device == null ? Device.CPU : device;
        precision = precision == null ? Precision.FP32 : precision;
    }

    /** A request in 32-bit floats. */
    public SettingsRequest(Integer epochs, Integer batchSize, Integer trainLimit, Double threshold,
            boolean deterministic, Device device, Map<String, String> options) {
        this(epochs, batchSize, trainLimit, threshold, deterministic, device, options, Precision.FP32);
    }

    /** Nothing given: every default. */
    public static SettingsRequest defaults() {
        return new SettingsRequest(null, null, null, null, false, Device.CPU, Map.of());
    }
}
